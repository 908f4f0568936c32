// controller.ComputeHash (pkg/controller/controller_utils.go). Kubernetes feeds the template to
// fnv32a through hashutil.DeepHashObject (a spew dump of the Go struct); Podscape cannot
// reproduce that byte stream, so it hashes a canonical text of the typed template instead:
// deterministic, covering the fields a user changes (any change → a new hash), with the same
// shape of result (decimal digits of the fnv32a sum, SafeEncodeString'd).
#include "sim/controllers/deployment_controller.h"

#include <cstdint>

namespace podscape {

namespace {

// Length-prefixed fields, so no value can be mistaken for a separator.
class Canon {
public:
    Canon &f(const char *name, const std::string &value)
    {
        out_ += name;
        out_ += '=';
        out_ += std::to_string(value.size());
        out_ += ':';
        out_ += value;
        out_ += ';';
        return *this;
    }
    Canon &f(const char *name, std::int64_t value) { return f(name, std::to_string(value)); }
    Canon &f(const char *name, std::int32_t value) { return f(name, std::int64_t(value)); }
    Canon &f(const char *name, bool value) { return f(name, std::string(value ? "true" : "false")); }
    template <typename T> Canon &f(const char *name, const std::optional<T> &value)
    {
        return value ? f(name, *value) : *this;
    }
    Canon &f(const char *name, const std::vector<std::string> &values)
    {
        for (const auto &v : values)
            f(name, v);
        return *this;
    }
    Canon &f(const char *name, const std::map<std::string, std::string> &values)
    {
        for (const auto &[k, v] : values)
            f(name, k + '=' + v);
        return *this;
    }
    Canon &f(const char *name, const ResourceList &values)
    {
        for (const auto &[k, v] : values)
            f(name, k + '=' + v.toString());
        return *this;
    }
    Canon &open(const char *name) { return f(name, std::string("{")); }
    Canon &close() { return f("", std::string("}")); }
    const std::string &str() const { return out_; }

private:
    std::string out_;
};

void handler(Canon &c, const char *name, const Handler &h)
{
    if (h.type == Handler::Type::None)
        return;
    c.open(name).f("type", std::int64_t(h.type)).f("command", h.command).f("path", h.path);
    c.f("port", h.port.toString()).f("scheme", h.scheme).f("sleep", h.sleepSeconds).close();
}

void probe(Canon &c, const char *name, const Boxed<Probe> &p)
{
    if (!p)
        return;
    c.open(name);
    handler(c, "handler", p->handler);
    c.f("initialDelay", std::int64_t(p->initialDelaySeconds)).f("timeout", std::int64_t(p->timeoutSeconds));
    c.f("period", std::int64_t(p->periodSeconds)).f("success", std::int64_t(p->successThreshold));
    c.f("failure", std::int64_t(p->failureThreshold)).close();
}

void container(Canon &c, const Container &k)
{
    c.open("container").f("name", k.name).f("image", k.image).f("pullPolicy", k.imagePullPolicy);
    c.f("command", k.command).f("args", k.args).f("workingDir", k.workingDir).f("restartPolicy", k.restartPolicy);
    for (const auto &p : k.ports)
        c.open("port").f("name", p.name).f("port", std::int64_t(p.containerPort)).f("hostPort", std::int64_t(p.hostPort))
            .f("hostIP", p.hostIP).f("protocol", p.protocol).close();
    for (const auto &e : k.env)
        c.open("env").f("name", e.name).f("value", e.value).f("source", std::int64_t(e.source))
            .f("refName", e.keyRef.name).f("refKey", e.keyRef.key).f("field", e.fieldPath).close();
    for (const auto &e : k.envFrom)
        c.open("envFrom").f("prefix", e.prefix).f("secret", e.fromSecret).f("name", e.name).close();
    c.f("requests", k.resources.requests).f("limits", k.resources.limits);
    for (const auto &m : k.volumeMounts)
        c.open("mount").f("name", m.name).f("path", m.mountPath).f("subPath", m.subPath).f("ro", m.readOnly).close();
    probe(c, "liveness", k.livenessProbe);
    probe(c, "readiness", k.readinessProbe);
    probe(c, "startup", k.startupProbe);
    handler(c, "postStart", k.postStart);
    handler(c, "preStop", k.preStop);
    c.f("stdin", k.stdin_).f("tty", k.tty).close();
}

void volume(Canon &c, const Volume &v)
{
    c.open("volume").f("name", v.name).f("type", std::int64_t(v.type)).f("other", v.otherType);
    c.f("source", v.sourceName).f("hostPath", v.hostPath).f("medium", v.medium).f("optional", v.optional);
    if (v.sizeLimit)
        c.f("sizeLimit", v.sizeLimit->toString());
    for (const auto &i : v.items)
        c.f("item", i.key + '=' + i.path);
    for (const auto &p : v.projectedSources)
        c.f("projected", std::to_string(int(p.type)) + '/' + p.name);
    c.close();
}

void podSpec(Canon &c, const PodSpec &s)
{
    for (const auto &k : s.initContainers) {
        c.open("init");
        container(c, k);
        c.close();
    }
    for (const auto &k : s.containers)
        container(c, k);
    for (const auto &v : s.volumes)
        volume(c, v);
    c.f("restartPolicy", s.restartPolicy).f("grace", s.terminationGracePeriodSeconds);
    c.f("deadline", s.activeDeadlineSeconds).f("dnsPolicy", s.dnsPolicy).f("nodeSelector", s.nodeSelector);
    c.f("serviceAccount", s.serviceAccountName).f("automount", s.automountServiceAccountToken);
    c.f("nodeName", s.nodeName).f("hostNetwork", s.hostNetwork).f("hostPID", s.hostPID).f("hostIPC", s.hostIPC);
    c.f("hostname", s.hostname).f("subdomain", s.subdomain).f("scheduler", s.schedulerName);
    for (const auto &t : s.tolerations)
        c.open("toleration").f("key", t.key).f("op", t.operator_).f("value", t.value).f("effect", t.effect)
            .f("seconds", t.tolerationSeconds).close();
    c.f("affinity", s.affinity.has_value()).f("spread", std::int64_t(s.topologySpreadConstraints.size()));
    for (const auto &t : s.topologySpreadConstraints)
        c.f("spreadKey", t.topologyKey + '/' + t.whenUnsatisfiable + '/' + std::to_string(t.maxSkew));
    c.f("priorityClass", s.priorityClassName).f("priority", s.priority).f("gates", s.schedulingGates);
    c.f("pullSecrets", s.imagePullSecrets).f("runtimeClass", s.runtimeClassName).f("overhead", s.overhead);
}

}  // namespace

std::string canonicalTemplate(const PodTemplateSpec &tpl)
{
    Canon c;
    Labels labels = tpl.metadata.labels;
    labels.erase(kPodTemplateHashLabel);
    c.f("labels", labels).f("annotations", tpl.metadata.annotations).f("finalizers", tpl.metadata.finalizers);
    podSpec(c, tpl.spec);
    return c.str();
}

std::string computeHash(const PodTemplateSpec &tpl, std::optional<std::int32_t> collisionCount)
{
    std::uint32_t h = 2166136261u;  // fnv32a offset basis
    auto write = [&h](unsigned char byte) { h = (h ^ byte) * 16777619u; };
    for (unsigned char ch : canonicalTemplate(tpl))
        write(ch);
    if (collisionCount) {  // binary.LittleEndian.PutUint32 into 8 bytes
        auto v = std::uint32_t(*collisionCount);
        for (int i = 0; i < 8; ++i)
            write(i < 4 ? static_cast<unsigned char>((v >> (8 * i)) & 0xFF) : 0);
    }
    // rand.SafeEncodeString(fmt.Sprint(sum)): each byte indexes the 27-character alphabet.
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    for (char ch : std::to_string(h))
        out += alphabet[static_cast<unsigned char>(ch) % 27];
    return out;
}

}  // namespace podscape
