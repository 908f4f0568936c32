#include "manifest/decode.h"

#include <algorithm>

namespace podscape {

namespace {

void decodeHandler(FieldReader &r, const YNode *n, const FieldPath &p, Handler &h)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "exec") {
            h.type = Handler::Type::Exec;
            r.forEachField(v, fp, [&](std::string_view ek, const YNode *ev, const FieldPath &efp) {
                if (ek == "command")
                    r.read(ev, efp, h.command);
            });
        } else if (k == "httpGet" || k == "tcpSocket" || k == "grpc") {
            h.type = k == "httpGet" ? Handler::Type::HttpGet : k == "tcpSocket" ? Handler::Type::TcpSocket
                                                                                 : Handler::Type::Grpc;
            r.forEachField(v, fp, [&](std::string_view hk, const YNode *hv, const FieldPath &hfp) {
                if (hk == "path")
                    r.read(hv, hfp, h.path);
                else if (hk == "port")
                    r.read(hv, hfp, h.port);
                else if (hk == "scheme")
                    r.read(hv, hfp, h.scheme);
            });
        } else if (k == "sleep") {
            h.type = Handler::Type::Sleep;
            r.forEachField(v, fp, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
                if (sk == "seconds")
                    r.read(sv, sfp, h.sleepSeconds);
            });
        }
    });
}

void decodeProbe(FieldReader &r, const YNode *n, const FieldPath &p, Probe &probe)
{
    decodeHandler(r, n, p, probe.handler);
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "initialDelaySeconds")
            r.read(v, fp, probe.initialDelaySeconds);
        else if (k == "timeoutSeconds")
            r.read(v, fp, probe.timeoutSeconds);
        else if (k == "periodSeconds")
            r.read(v, fp, probe.periodSeconds);
        else if (k == "successThreshold")
            r.read(v, fp, probe.successThreshold);
        else if (k == "failureThreshold")
            r.read(v, fp, probe.failureThreshold);
    });
}

void decodeKeySelector(FieldReader &r, const YNode *n, const FieldPath &p, KeySelector &sel)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name")
            r.read(v, fp, sel.name);
        else if (k == "key")
            r.read(v, fp, sel.key);
        else if (k == "optional")
            r.read(v, fp, sel.optional);
    });
}

void decodeEnvVar(FieldReader &r, const YNode *n, const FieldPath &p, EnvVar &env)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name") {
            r.read(v, fp, env.name);
        } else if (k == "value") {
            r.read(v, fp, env.value);
        } else if (k == "valueFrom") {
            r.forEachField(v, fp, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
                if (sk == "configMapKeyRef" || sk == "secretKeyRef") {
                    env.source = sk == "configMapKeyRef" ? EnvVar::Source::ConfigMapKey : EnvVar::Source::SecretKey;
                    decodeKeySelector(r, sv, sfp, env.keyRef);
                } else if (sk == "fieldRef" || sk == "resourceFieldRef") {
                    env.source = sk == "fieldRef" ? EnvVar::Source::Field : EnvVar::Source::ResourceField;
                    const char *field = sk == "fieldRef" ? "fieldPath" : "resource";
                    r.forEachField(sv, sfp, [&](std::string_view fk, const YNode *fv, const FieldPath &ffp) {
                        if (fk == field)
                            r.read(fv, ffp, env.fieldPath);
                    });
                }
            });
        }
    });
}

void decodeEnvFrom(FieldReader &r, const YNode *n, const FieldPath &p, EnvFromSource &src)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "prefix") {
            r.read(v, fp, src.prefix);
        } else if (k == "configMapRef" || k == "secretRef") {
            src.fromSecret = k == "secretRef";
            KeySelector ref;
            decodeKeySelector(r, v, fp, ref);
            src.name = ref.name;
            src.optional = ref.optional;
        }
    });
}

void decodeContainer(FieldReader &r, const YNode *n, const FieldPath &p, Container &c)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name")
            r.read(v, fp, c.name);
        else if (k == "image")
            r.read(v, fp, c.image);
        else if (k == "imagePullPolicy")
            r.read(v, fp, c.imagePullPolicy);
        else if (k == "command")
            r.read(v, fp, c.command);
        else if (k == "args")
            r.read(v, fp, c.args);
        else if (k == "workingDir")
            r.read(v, fp, c.workingDir);
        else if (k == "restartPolicy")
            r.read(v, fp, c.restartPolicy);
        else if (k == "terminationMessagePath")
            r.read(v, fp, c.terminationMessagePath);
        else if (k == "terminationMessagePolicy")
            r.read(v, fp, c.terminationMessagePolicy);
        else if (k == "stdin")
            r.read(v, fp, c.stdin_);
        else if (k == "tty")
            r.read(v, fp, c.tty);
        else if (k == "ports")
            r.readList(v, fp, c.ports, [&](const YNode *item, const FieldPath &ip, ContainerPort &port) {
                r.forEachField(item, ip, [&](std::string_view pk, const YNode *pv, const FieldPath &pfp) {
                    if (pk == "name")
                        r.read(pv, pfp, port.name);
                    else if (pk == "containerPort")
                        r.read(pv, pfp, port.containerPort);
                    else if (pk == "hostPort")
                        r.read(pv, pfp, port.hostPort);
                    else if (pk == "hostIP")
                        r.read(pv, pfp, port.hostIP);
                    else if (pk == "protocol")
                        r.read(pv, pfp, port.protocol);
                });
            });
        else if (k == "env")
            r.readList(v, fp, c.env, [&](const YNode *item, const FieldPath &ip, EnvVar &env) {
                decodeEnvVar(r, item, ip, env);
            });
        else if (k == "envFrom")
            r.readList(v, fp, c.envFrom, [&](const YNode *item, const FieldPath &ip, EnvFromSource &src) {
                decodeEnvFrom(r, item, ip, src);
            });
        else if (k == "resources")
            r.forEachField(v, fp, [&](std::string_view rk, const YNode *rv, const FieldPath &rfp) {
                if (rk == "requests")
                    r.read(rv, rfp, c.resources.requests);
                else if (rk == "limits")
                    r.read(rv, rfp, c.resources.limits);
            });
        else if (k == "volumeMounts")
            r.readList(v, fp, c.volumeMounts, [&](const YNode *item, const FieldPath &ip, VolumeMount &m) {
                r.forEachField(item, ip, [&](std::string_view mk, const YNode *mv, const FieldPath &mfp) {
                    if (mk == "name")
                        r.read(mv, mfp, m.name);
                    else if (mk == "mountPath")
                        r.read(mv, mfp, m.mountPath);
                    else if (mk == "subPath")
                        r.read(mv, mfp, m.subPath);
                    else if (mk == "readOnly")
                        r.read(mv, mfp, m.readOnly);
                });
            });
        else if (k == "livenessProbe" || k == "readinessProbe" || k == "startupProbe") {
            if (!v || v->isNull())
                return;
            Probe probe;
            decodeProbe(r, v, fp, probe);
            (k == "livenessProbe" ? c.livenessProbe : k == "readinessProbe" ? c.readinessProbe : c.startupProbe) =
                probe;
        } else if (k == "lifecycle")
            r.forEachField(v, fp, [&](std::string_view lk, const YNode *lv, const FieldPath &lfp) {
                if (lk == "postStart")
                    decodeHandler(r, lv, lfp, c.postStart);
                else if (lk == "preStop")
                    decodeHandler(r, lv, lfp, c.preStop);
            });
    });
}

Volume::Type volumeTypeFromKey(std::string_view key)
{
    if (key == "emptyDir")
        return Volume::Type::EmptyDir;
    if (key == "configMap")
        return Volume::Type::ConfigMap;
    if (key == "secret")
        return Volume::Type::Secret;
    if (key == "projected")
        return Volume::Type::Projected;
    if (key == "downwardAPI")
        return Volume::Type::DownwardAPI;
    if (key == "hostPath")
        return Volume::Type::HostPath;
    if (key == "persistentVolumeClaim")
        return Volume::Type::PersistentVolumeClaim;
    if (key == "ephemeral")
        return Volume::Type::Ephemeral;
    return Volume::Type::Other;
}

void decodeKeyToPaths(FieldReader &r, const YNode *n, const FieldPath &p, std::vector<KeyToPath> &items)
{
    r.readList(n, p, items, [&](const YNode *item, const FieldPath &ip, KeyToPath &kp) {
        r.forEachField(item, ip, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
            if (k == "key")
                r.read(v, fp, kp.key);
            else if (k == "path")
                r.read(v, fp, kp.path);
        });
    });
}

void decodeProjectedSources(FieldReader &r, const YNode *n, const FieldPath &p, Volume &vol)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k != "sources")
            return;
        r.readList(v, fp, vol.projectedSources, [&](const YNode *item, const FieldPath &ip, ProjectedSource &src) {
            src.type = ProjectedSource::Type::Other;
            r.forEachField(item, ip, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
                using T = ProjectedSource::Type;
                src.type = sk == "configMap"             ? T::ConfigMap
                           : sk == "secret"              ? T::Secret
                           : sk == "downwardAPI"         ? T::DownwardAPI
                           : sk == "serviceAccountToken" ? T::ServiceAccountToken
                           : sk == "clusterTrustBundle"  ? T::ClusterTrustBundle
                                                         : T::Other;
                if (src.type == T::ConfigMap || src.type == T::Secret)
                    r.forEachField(sv, sfp, [&](std::string_view nk, const YNode *nv, const FieldPath &nfp) {
                        if (nk == "name")
                            r.read(nv, nfp, src.name);
                    });
            });
        });
    });
}

void decodeVolumeSource(FieldReader &r, std::string_view key, const YNode *v, const FieldPath &fp, Volume &vol)
{
    vol.type = volumeTypeFromKey(key);
    if (vol.type == Volume::Type::Other)
        vol.otherType = key;
    if (vol.type == Volume::Type::Projected) {
        decodeProjectedSources(r, v, fp, vol);
        return;
    }
    r.forEachField(v, fp, [&](std::string_view k, const YNode *sv, const FieldPath &sfp) {
        if ((k == "name" && vol.type == Volume::Type::ConfigMap) || k == "secretName" || k == "claimName")
            r.read(sv, sfp, vol.sourceName);
        else if (k == "optional")
            r.read(sv, sfp, vol.optional);
        else if (k == "readOnly")
            r.read(sv, sfp, vol.readOnly);
        else if (k == "medium")
            r.read(sv, sfp, vol.medium);
        else if (k == "sizeLimit")
            r.read(sv, sfp, vol.sizeLimit);
        else if (k == "path" && vol.type == Volume::Type::HostPath)
            r.read(sv, sfp, vol.hostPath);
        else if (k == "type" && vol.type == Volume::Type::HostPath)
            r.read(sv, sfp, vol.hostPathType);
        else if (k == "items")
            decodeKeyToPaths(r, sv, sfp, vol.items);
    });
}

void decodeVolume(FieldReader &r, const YNode *n, const FieldPath &p, Volume &vol)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name")
            r.read(v, fp, vol.name);
        else
            decodeVolumeSource(r, k, v, fp, vol);
    });
}

void decodeToleration(FieldReader &r, const YNode *n, const FieldPath &p, Toleration &t)
{
    t.operator_.clear();
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "key")
            r.read(v, fp, t.key);
        else if (k == "operator")
            r.read(v, fp, t.operator_);
        else if (k == "value")
            r.read(v, fp, t.value);
        else if (k == "effect")
            r.read(v, fp, t.effect);
        else if (k == "tolerationSeconds")
            r.read(v, fp, t.tolerationSeconds);
    });
    if (t.operator_.empty())
        t.operator_ = "Equal";  // the API's default operator
}

void decodePodAffinityTerm(FieldReader &r, const YNode *n, const FieldPath &p, PodAffinityTerm &term)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "labelSelector" && v && !v->isNull())
            decodeLabelSelector(r, v, fp, term.labelSelector.emplace());
        else if (k == "namespaceSelector" && v && !v->isNull())
            decodeLabelSelector(r, v, fp, term.namespaceSelector.emplace());
        else if (k == "namespaces")
            r.read(v, fp, term.namespaces);
        else if (k == "topologyKey")
            r.read(v, fp, term.topologyKey);
        else if (k == "matchLabelKeys")
            r.read(v, fp, term.matchLabelKeys);
        else if (k == "mismatchLabelKeys")
            r.read(v, fp, term.mismatchLabelKeys);
    });
}

void decodePodAffinity(FieldReader &r, const YNode *n, const FieldPath &p, PodAffinity &aff)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "requiredDuringSchedulingIgnoredDuringExecution")
            r.readList(v, fp, aff.required, [&](const YNode *item, const FieldPath &ip, PodAffinityTerm &term) {
                decodePodAffinityTerm(r, item, ip, term);
            });
        else if (k == "preferredDuringSchedulingIgnoredDuringExecution")
            r.readList(v, fp, aff.preferred, [&](const YNode *item, const FieldPath &ip, WeightedPodAffinityTerm &w) {
                r.forEachField(item, ip, [&](std::string_view wk, const YNode *wv, const FieldPath &wfp) {
                    if (wk == "weight")
                        r.read(wv, wfp, w.weight);
                    else if (wk == "podAffinityTerm")
                        decodePodAffinityTerm(r, wv, wfp, w.term);
                });
            });
    });
}

void decodeNodeAffinity(FieldReader &r, const YNode *n, const FieldPath &p, NodeAffinity &aff)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "requiredDuringSchedulingIgnoredDuringExecution" && v && !v->isNull())
            decodeNodeSelector(r, v, fp, aff.required.emplace());
        else if (k == "preferredDuringSchedulingIgnoredDuringExecution")
            r.readList(v, fp, aff.preferred, [&](const YNode *item, const FieldPath &ip, PreferredSchedulingTerm &t) {
                r.forEachField(item, ip, [&](std::string_view tk, const YNode *tv, const FieldPath &tfp) {
                    if (tk == "weight")
                        r.read(tv, tfp, t.weight);
                    else if (tk == "preference")
                        decodeNodeSelectorTerm(r, tv, tfp, t.preference);
                });
            });
    });
}

void decodeAffinity(FieldReader &r, const YNode *n, const FieldPath &p, Affinity &aff)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (!v || v->isNull())
            return;
        if (k == "nodeAffinity")
            decodeNodeAffinity(r, v, fp, aff.nodeAffinity.emplace());
        else if (k == "podAffinity")
            decodePodAffinity(r, v, fp, aff.podAffinity.emplace());
        else if (k == "podAntiAffinity")
            decodePodAffinity(r, v, fp, aff.podAntiAffinity.emplace());
    });
}

void decodeSpreadConstraint(FieldReader &r, const YNode *n, const FieldPath &p, TopologySpreadConstraint &c)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "maxSkew")
            r.read(v, fp, c.maxSkew);
        else if (k == "topologyKey")
            r.read(v, fp, c.topologyKey);
        else if (k == "whenUnsatisfiable")
            r.read(v, fp, c.whenUnsatisfiable);
        else if (k == "labelSelector" && v && !v->isNull())
            decodeLabelSelector(r, v, fp, c.labelSelector.emplace());
        else if (k == "minDomains")
            r.read(v, fp, c.minDomains);
        else if (k == "nodeAffinityPolicy")
            r.read(v, fp, c.nodeAffinityPolicy);
        else if (k == "nodeTaintsPolicy")
            r.read(v, fp, c.nodeTaintsPolicy);
        else if (k == "matchLabelKeys")
            r.read(v, fp, c.matchLabelKeys);
    });
}

// imagePullSecrets / schedulingGates: lists of {name: ...}.
void decodeNameList(FieldReader &r, const YNode *n, const FieldPath &p, std::vector<std::string> &names)
{
    r.readList(n, p, names, [&](const YNode *item, const FieldPath &ip, std::string &name) {
        r.forEachField(item, ip, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
            if (k == "name")
                r.read(v, fp, name);
        });
    });
}

void decodePodSpecField(FieldReader &r, std::string_view k, const YNode *v, const FieldPath &fp, PodSpec &spec)
{
    auto container = [&](const YNode *item, const FieldPath &ip, Container &c) { decodeContainer(r, item, ip, c); };
    if (k == "containers")
        r.readList(v, fp, spec.containers, container);
    else if (k == "initContainers")
        r.readList(v, fp, spec.initContainers, container);
    else if (k == "volumes")
        r.readList(v, fp, spec.volumes, [&](const YNode *item, const FieldPath &ip, Volume &vol) {
            decodeVolume(r, item, ip, vol);
        });
    else if (k == "restartPolicy")
        r.read(v, fp, spec.restartPolicy);
    else if (k == "terminationGracePeriodSeconds")
        r.read(v, fp, spec.terminationGracePeriodSeconds);
    else if (k == "activeDeadlineSeconds")
        r.read(v, fp, spec.activeDeadlineSeconds);
    else if (k == "dnsPolicy")
        r.read(v, fp, spec.dnsPolicy);
    else if (k == "nodeSelector")
        r.read(v, fp, spec.nodeSelector);
    else if (k == "serviceAccountName" || (k == "serviceAccount" && spec.serviceAccountName.empty()))
        r.read(v, fp, spec.serviceAccountName);
    else if (k == "automountServiceAccountToken")
        r.read(v, fp, spec.automountServiceAccountToken);
    else if (k == "nodeName")
        r.read(v, fp, spec.nodeName);
    else if (k == "hostNetwork")
        r.read(v, fp, spec.hostNetwork);
    else if (k == "hostPID")
        r.read(v, fp, spec.hostPID);
    else if (k == "hostIPC")
        r.read(v, fp, spec.hostIPC);
    else if (k == "hostname")
        r.read(v, fp, spec.hostname);
    else if (k == "subdomain")
        r.read(v, fp, spec.subdomain);
    else if (k == "schedulerName")
        r.read(v, fp, spec.schedulerName);
    else if (k == "tolerations")
        r.readList(v, fp, spec.tolerations, [&](const YNode *item, const FieldPath &ip, Toleration &t) {
            decodeToleration(r, item, ip, t);
        });
    else if (k == "affinity" && v && !v->isNull())
        decodeAffinity(r, v, fp, spec.affinity.emplace());
    else if (k == "topologySpreadConstraints")
        r.readList(v, fp, spec.topologySpreadConstraints,
                   [&](const YNode *item, const FieldPath &ip, TopologySpreadConstraint &c) {
                       decodeSpreadConstraint(r, item, ip, c);
                   });
    else if (k == "priorityClassName")
        r.read(v, fp, spec.priorityClassName);
    else if (k == "priority")
        r.read(v, fp, spec.priority);
    else if (k == "preemptionPolicy")
        r.read(v, fp, spec.preemptionPolicy);
    else if (k == "overhead")
        r.read(v, fp, spec.overhead);
    else if (k == "schedulingGates")
        decodeNameList(r, v, fp, spec.schedulingGates);
    else if (k == "imagePullSecrets")
        decodeNameList(r, v, fp, spec.imagePullSecrets);
    else if (k == "runtimeClassName")
        r.read(v, fp, spec.runtimeClassName);
}

ObjectPtr decodePod(FieldReader &r, const YNode *root)
{
    auto pod = newWithMeta<Pod>(r, root);
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        decodePodSpecField(r, k, v, fp, pod->spec);
    });
    return pod;
}

void decodeTaint(FieldReader &r, const YNode *n, const FieldPath &p, Taint &t)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "key")
            r.read(v, fp, t.key);
        else if (k == "value")
            r.read(v, fp, t.value);
        else if (k == "effect")
            r.read(v, fp, t.effect);
    });
}

ObjectPtr decodeNode(FieldReader &r, const YNode *root)
{
    auto node = newWithMeta<podscape::Node>(r, root);
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "podCIDR")
            r.read(v, fp, node->spec.podCIDR);
        else if (k == "podCIDRs")
            r.read(v, fp, node->spec.podCIDRs);
        else if (k == "unschedulable")
            r.read(v, fp, node->spec.unschedulable);
        else if (k == "providerID")
            r.read(v, fp, node->spec.providerID);
        else if (k == "taints")
            r.readList(v, fp, node->spec.taints, [&](const YNode *item, const FieldPath &ip, Taint &t) {
                decodeTaint(r, item, ip, t);
            });
    });
    // A Node manifest describes a machine: its capacity and allocatable are what it offers.
    forEachSectionField(r, root, "status", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "capacity")
            r.read(v, fp, node->status.capacity);
        else if (k == "allocatable")
            r.read(v, fp, node->status.allocatable);
        else if (k == "addresses")
            r.readList(v, fp, node->status.addresses, [&](const YNode *item, const FieldPath &ip, NodeAddress &a) {
                r.forEachField(item, ip, [&](std::string_view ak, const YNode *av, const FieldPath &afp) {
                    if (ak == "type")
                        r.read(av, afp, a.type);
                    else if (ak == "address")
                        r.read(av, afp, a.address);
                });
            });
        else if (k == "images")
            r.readList(v, fp, node->status.images, [&](const YNode *item, const FieldPath &ip, ContainerImage &img) {
                r.forEachField(item, ip, [&](std::string_view ik, const YNode *iv, const FieldPath &ifp) {
                    if (ik == "names")
                        r.read(iv, ifp, img.names);
                    else if (ik == "sizeBytes")
                        r.read(iv, ifp, img.sizeBytes);
                });
            });
    });
    return node;
}

void decodeServicePort(FieldReader &r, const YNode *n, const FieldPath &p, ServicePort &port)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name")
            r.read(v, fp, port.name);
        else if (k == "protocol")
            r.read(v, fp, port.protocol);
        else if (k == "port")
            r.read(v, fp, port.port);
        else if (k == "targetPort" && v && !v->isNull())
            port.hasTargetPort = r.read(v, fp, port.targetPort);
        else if (k == "nodePort")
            r.read(v, fp, port.nodePort);
        else if (k == "appProtocol")
            r.read(v, fp, port.appProtocol);
    });
}

ObjectPtr decodeService(FieldReader &r, const YNode *root)
{
    auto svc = newWithMeta<Service>(r, root);
    auto &s = svc->spec;
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "type")
            r.read(v, fp, s.type);
        else if (k == "selector")
            r.read(v, fp, s.selector);
        else if (k == "ports")
            r.readList(v, fp, s.ports, [&](const YNode *item, const FieldPath &ip, ServicePort &port) {
                decodeServicePort(r, item, ip, port);
            });
        else if (k == "clusterIP")
            r.read(v, fp, s.clusterIP);
        else if (k == "clusterIPs")
            r.read(v, fp, s.clusterIPs);
        else if (k == "externalName")
            r.read(v, fp, s.externalName);
        else if (k == "externalIPs")
            r.read(v, fp, s.externalIPs);
        else if (k == "sessionAffinity")
            r.read(v, fp, s.sessionAffinity);
        else if (k == "publishNotReadyAddresses")
            r.read(v, fp, s.publishNotReadyAddresses);
        else if (k == "externalTrafficPolicy")
            r.read(v, fp, s.externalTrafficPolicy);
        else if (k == "internalTrafficPolicy")
            r.read(v, fp, s.internalTrafficPolicy);
        else if (k == "loadBalancerIP")
            r.read(v, fp, s.loadBalancerIP);
        else if (k == "ipFamilies")
            r.read(v, fp, s.ipFamilies);
        else if (k == "ipFamilyPolicy")
            r.read(v, fp, s.ipFamilyPolicy);
    });
    if (s.selector && s.selector->empty())
        s.selector.reset();  // an empty selector selects nothing automatically, like none at all
    return svc;
}

ObjectPtr decodeConfigMap(FieldReader &r, const YNode *root)
{
    auto cm = newWithMeta<ConfigMap>(r, root);
    FieldPath top;
    r.read(root->find("data"), top.child("data"), cm->data);
    r.read(root->find("immutable"), top.child("immutable"), cm->immutable);
    std::map<std::string, std::string> binary;
    r.read(root->find("binaryData"), top.child("binaryData"), binary);
    for (const auto &entry : binary)
        cm->binaryDataKeys.push_back(entry.first);
    return cm;
}

ObjectPtr decodeSecret(FieldReader &r, const YNode *root)
{
    auto secret = newWithMeta<Secret>(r, root);
    FieldPath top;
    r.read(root->find("type"), top.child("type"), secret->type);
    r.read(root->find("immutable"), top.child("immutable"), secret->immutable);
    // Only key names are kept; the values never leave the document.
    for (const char *section : {"data", "stringData"}) {
        std::map<std::string, std::string> values;
        r.read(root->find(section), top.child(section), values);
        for (const auto &entry : values)
            secret->keys.push_back(entry.first);
    }
    std::sort(secret->keys.begin(), secret->keys.end());
    secret->keys.erase(std::unique(secret->keys.begin(), secret->keys.end()), secret->keys.end());
    return secret;
}

ObjectPtr decodePersistentVolume(FieldReader &r, const YNode *root)
{
    auto pv = newWithMeta<PersistentVolume>(r, root);
    auto &s = pv->spec;
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "capacity")
            r.read(v, fp, s.capacity);
        else if (k == "accessModes")
            r.read(v, fp, s.accessModes);
        else if (k == "persistentVolumeReclaimPolicy")
            r.read(v, fp, s.persistentVolumeReclaimPolicy);
        else if (k == "storageClassName")
            r.read(v, fp, s.storageClassName);
        else if (k == "volumeMode")
            r.read(v, fp, s.volumeMode);
        else if (k == "mountOptions")
            r.read(v, fp, s.mountOptions);
        else if (k == "claimRef" && v && !v->isNull())
            r.forEachField(v, fp, [&](std::string_view ck, const YNode *cv, const FieldPath &cfp) {
                auto &ref = s.claimRef ? *s.claimRef : s.claimRef.emplace();
                if (ck == "namespace")
                    r.read(cv, cfp, ref.namespace_);
                else if (ck == "name")
                    r.read(cv, cfp, ref.name);
                else if (ck == "uid")
                    r.read(cv, cfp, ref.uid);
            });
        else if (k == "nodeAffinity")
            r.forEachField(v, fp, [&](std::string_view ak, const YNode *av, const FieldPath &afp) {
                if (ak == "required" && av && !av->isNull())
                    decodeNodeSelector(r, av, afp, s.nodeAffinity.emplace());
            });
        else if (s.sourceType.empty() && v && v->isMap())
            s.sourceType = k;  // hostPath, local, nfs, csi, ...
    });
    return pv;
}

ObjectPtr decodeNamespace(FieldReader &r, const YNode *root)
{
    return newWithMeta<Namespace>(r, root);
}

ObjectPtr decodeServiceAccount(FieldReader &r, const YNode *root)
{
    auto sa = newWithMeta<ServiceAccount>(r, root);
    FieldPath top;
    decodeNameList(r, root->find("secrets"), top.child("secrets"), sa->secrets);
    decodeNameList(r, root->find("imagePullSecrets"), top.child("imagePullSecrets"), sa->imagePullSecrets);
    r.read(root->find("automountServiceAccountToken"), top.child("automountServiceAccountToken"),
           sa->automountServiceAccountToken);
    return sa;
}

ObjectPtr decodeLimitRange(FieldReader &r, const YNode *root)
{
    auto lr = newWithMeta<LimitRange>(r, root);
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k != "limits")
            return;
        r.readList(v, fp, lr->limits, [&](const YNode *item, const FieldPath &ip, LimitRangeItem &li) {
            r.forEachField(item, ip, [&](std::string_view lk, const YNode *lv, const FieldPath &lfp) {
                if (lk == "type")
                    r.read(lv, lfp, li.type);
                else if (lk == "max")
                    r.read(lv, lfp, li.max);
                else if (lk == "min")
                    r.read(lv, lfp, li.min);
                else if (lk == "default")
                    r.read(lv, lfp, li.default_);
                else if (lk == "defaultRequest")
                    r.read(lv, lfp, li.defaultRequest);
                else if (lk == "maxLimitRequestRatio")
                    r.read(lv, lfp, li.maxLimitRequestRatio);
            });
        });
    });
    return lr;
}

ObjectPtr decodeResourceQuota(FieldReader &r, const YNode *root)
{
    auto rq = newWithMeta<ResourceQuota>(r, root);
    forEachSectionField(r, root, "spec", [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "hard")
            r.read(v, fp, rq->hard);
        else if (k == "scopes")
            r.read(v, fp, rq->scopes);
    });
    return rq;
}

}  // namespace

void decodePodSpec(FieldReader &r, const YNode *n, const FieldPath &p, PodSpec &spec)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        decodePodSpecField(r, k, v, fp, spec);
    });
}

void decodePodTemplate(FieldReader &r, const YNode *n, const FieldPath &p, PodTemplateSpec &tpl)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "metadata")
            decodeObjectMeta(r, v, fp, tpl.metadata);
        else if (k == "spec")
            decodePodSpec(r, v, fp, tpl.spec);
    });
}

void decodePersistentVolumeClaim(FieldReader &r, const YNode *root, const FieldPath &p, PersistentVolumeClaim &pvc)
{
    auto &s = pvc.spec;
    r.forEachField(root, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "metadata") {
            decodeObjectMeta(r, v, fp, pvc.metadata);
            return;
        }
        if (k != "spec")
            return;
        r.forEachField(v, fp, [&](std::string_view sk, const YNode *sv, const FieldPath &sfp) {
            if (sk == "accessModes")
                r.read(sv, sfp, s.accessModes);
            else if (sk == "storageClassName")
                r.read(sv, sfp, s.storageClassName);
            else if (sk == "volumeName")
                r.read(sv, sfp, s.volumeName);
            else if (sk == "volumeMode")
                r.read(sv, sfp, s.volumeMode);
            else if (sk == "selector" && sv && !sv->isNull())
                decodeLabelSelector(r, sv, sfp, s.selector.emplace());
            else if (sk == "resources")
                r.forEachField(sv, sfp, [&](std::string_view rk, const YNode *rv, const FieldPath &rfp) {
                    if (rk == "requests")
                        r.read(rv, rfp, s.resources.requests);
                    else if (rk == "limits")
                        r.read(rv, rfp, s.resources.limits);
                });
        });
    });
}

ObjectPtr decodeCoreObject(std::string_view kind, FieldReader &r, const YNode *root)
{
    if (kind == "Pod")
        return decodePod(r, root);
    if (kind == "Node")
        return decodeNode(r, root);
    if (kind == "Service")
        return decodeService(r, root);
    if (kind == "Namespace")
        return decodeNamespace(r, root);
    if (kind == "ConfigMap")
        return decodeConfigMap(r, root);
    if (kind == "Secret")
        return decodeSecret(r, root);
    if (kind == "PersistentVolume")
        return decodePersistentVolume(r, root);
    if (kind == "PersistentVolumeClaim") {
        auto pvc = std::make_shared<PersistentVolumeClaim>();
        decodePersistentVolumeClaim(r, root, FieldPath{}, *pvc);
        return pvc;
    }
    if (kind == "ServiceAccount")
        return decodeServiceAccount(r, root);
    if (kind == "LimitRange")
        return decodeLimitRange(r, root);
    if (kind == "ResourceQuota")
        return decodeResourceQuota(r, root);
    return nullptr;
}

}  // namespace podscape
