#include "manifest/decode.h"

namespace podscape {

namespace {

ObjectPtr decodePodDisruptionBudget(FieldReader &r, const YNode *root)
{
    auto pdb = newWithMeta<PodDisruptionBudget>(r, root);
    auto &s = pdb->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "minAvailable")
            r.read(v, fp, s.minAvailable);
        else if (k == "maxUnavailable")
            r.read(v, fp, s.maxUnavailable);
        else if (k == "selector" && v && !v->isNull())
            decodeLabelSelector(r, v, fp, s.selector.emplace());
        else if (k == "unhealthyPodEvictionPolicy")
            r.read(v, fp, s.unhealthyPodEvictionPolicy);
    });
    return pdb;
}

ObjectPtr decodePriorityClass(FieldReader &r, const YNode *root)
{
    auto pc = newWithMeta<PriorityClass>(r, root);
    FieldPath top;
    r.read(root->find("value"), top.child("value"), pc->value);
    r.read(root->find("globalDefault"), top.child("globalDefault"), pc->globalDefault);
    r.read(root->find("preemptionPolicy"), top.child("preemptionPolicy"), pc->preemptionPolicy);
    r.read(root->find("description"), top.child("description"), pc->description);
    return pc;
}

ObjectPtr decodeStorageClass(FieldReader &r, const YNode *root)
{
    auto sc = newWithMeta<StorageClass>(r, root);
    FieldPath top;
    r.read(root->find("provisioner"), top.child("provisioner"), sc->provisioner);
    r.read(root->find("parameters"), top.child("parameters"), sc->parameters);
    r.read(root->find("reclaimPolicy"), top.child("reclaimPolicy"), sc->reclaimPolicy);
    r.read(root->find("volumeBindingMode"), top.child("volumeBindingMode"), sc->volumeBindingMode);
    r.read(root->find("allowVolumeExpansion"), top.child("allowVolumeExpansion"), sc->allowVolumeExpansion);
    return sc;
}

// networking.k8s.io/v1 backend: {service: {name, port: {number | name}}} or {resource: {kind, name}}.
void decodeIngressBackend(FieldReader &r, const YNode *n, const FieldPath &p, IngressBackend &b)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "service") {
            r.forEachField(v, fp, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
                if (sk == "name")
                    r.read(sv, sfp, b.serviceName);
                else if (sk == "port")
                    r.forEachField(sv, sfp, [&](std::string_view pk, const YNode *pv, const FieldPath &pfp) {
                        if (pk == "number")
                            r.read(pv, pfp, b.servicePortNumber);
                        else if (pk == "name")
                            r.read(pv, pfp, b.servicePortName);
                    });
            });
        } else if (k == "resource") {
            r.forEachField(v, fp, [&](std::string_view rk, const YNode *rv, const FieldPath &rfp) {
                if (rk == "kind")
                    r.read(rv, rfp, b.resourceKind);
                else if (rk == "name")
                    r.read(rv, rfp, b.resourceName);
            });
        }
    });
}

void decodeIngressRule(FieldReader &r, const YNode *n, const FieldPath &p, IngressRule &rule)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "host") {
            r.read(v, fp, rule.host);
        } else if (k == "http") {
            r.forEachField(v, fp, [&](std::string_view hk, const YNode *hv, const FieldPath &hfp) {
                if (hk != "paths")
                    return;
                r.readList(hv, hfp, rule.paths, [&](const YNode *item, const FieldPath &ip, IngressPath &path) {
                    r.forEachField(item, ip, [&](std::string_view pk, const YNode *pv, const FieldPath &pfp) {
                        if (pk == "path")
                            r.read(pv, pfp, path.path);
                        else if (pk == "pathType")
                            r.read(pv, pfp, path.pathType);
                        else if (pk == "backend")
                            decodeIngressBackend(r, pv, pfp, path.backend);
                    });
                });
            });
        }
    });
}

ObjectPtr decodeIngress(FieldReader &r, const YNode *root)
{
    auto ing = newWithMeta<Ingress>(r, root);
    auto &s = ing->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "ingressClassName")
            r.read(v, fp, s.ingressClassName);
        else if (k == "defaultBackend" && v && !v->isNull())
            decodeIngressBackend(r, v, fp, s.defaultBackend.emplace());
        else if (k == "rules")
            r.readList(v, fp, s.rules, [&](const YNode *item, const FieldPath &ip, IngressRule &rule) {
                decodeIngressRule(r, item, ip, rule);
            });
        else if (k == "tls")
            r.readList(v, fp, s.tlsSecrets, [&](const YNode *item, const FieldPath &ip, std::string &secret) {
                r.forEachField(item, ip, [&](std::string_view tk, const YNode *tv, const FieldPath &tfp) {
                    if (tk == "secretName")
                        r.read(tv, tfp, secret);
                    else if (tk == "hosts")
                        r.read(tv, tfp, s.tlsHosts);
                });
            });
    });
    return ing;
}

void decodeMetricTarget(FieldReader &r, const YNode *n, const FieldPath &p, MetricTarget &t)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "type")
            r.read(v, fp, t.type);
        else if (k == "averageUtilization")
            r.read(v, fp, t.averageUtilization);
        else if (k == "averageValue")
            r.read(v, fp, t.averageValue);
        else if (k == "value")
            r.read(v, fp, t.value);
    });
}

// autoscaling/v2 metrics: {type: Resource, resource: {name: cpu, target: {...}}}, and the same
// shape under containerResource / pods / object / external (with metric.name).
void decodeHpaMetric(FieldReader &r, const YNode *n, const FieldPath &p, HpaMetric &m)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "type") {
            r.read(v, fp, m.type);
            return;
        }
        r.forEachField(v, fp, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
            if (sk == "name")
                r.read(sv, sfp, m.name);
            else if (sk == "target")
                decodeMetricTarget(r, sv, sfp, m.target);
            else if (sk == "metric")
                r.forEachField(sv, sfp, [&](std::string_view mk, const YNode *mv, const FieldPath &mfp) {
                    if (mk == "name")
                        r.read(mv, mfp, m.name);
                });
        });
    });
}

ObjectPtr decodeHorizontalPodAutoscaler(FieldReader &r, const YNode *root)
{
    auto hpa = newWithMeta<HorizontalPodAutoscaler>(r, root);
    auto &s = hpa->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "scaleTargetRef")
            r.forEachField(v, fp, [&](std::string_view tk, const YNode *tv, const FieldPath &tfp) {
                if (tk == "apiVersion")
                    r.read(tv, tfp, s.targetApiVersion);
                else if (tk == "kind")
                    r.read(tv, tfp, s.targetKind);
                else if (tk == "name")
                    r.read(tv, tfp, s.targetName);
            });
        else if (k == "minReplicas")
            r.read(v, fp, s.minReplicas);
        else if (k == "maxReplicas")
            r.read(v, fp, s.maxReplicas);
        else if (k == "metrics")
            r.readList(v, fp, s.metrics, [&](const YNode *item, const FieldPath &ip, HpaMetric &m) {
                decodeHpaMetric(r, item, ip, m);
            });
        else if (k == "targetCPUUtilizationPercentage") {  // autoscaling/v1
            HpaMetric cpu{"Resource", "cpu", {"Utilization", 0, std::nullopt, std::nullopt}};
            std::int32_t percent = 0;
            if (r.read(v, fp, percent)) {
                cpu.target.averageUtilization = percent;
                s.metrics.push_back(cpu);
            }
        }
    });
    return hpa;
}

}  // namespace

ObjectPtr decodeOtherObject(std::string_view kind, FieldReader &r, const YNode *root)
{
    if (kind == "PodDisruptionBudget")
        return decodePodDisruptionBudget(r, root);
    if (kind == "PriorityClass")
        return decodePriorityClass(r, root);
    if (kind == "StorageClass")
        return decodeStorageClass(r, root);
    if (kind == "Ingress")
        return decodeIngress(r, root);
    if (kind == "HorizontalPodAutoscaler")
        return decodeHorizontalPodAutoscaler(r, root);
    return nullptr;
}

}  // namespace podscape
