#include "manifest/decode.h"

namespace podscape {

namespace {

void readSelector(FieldReader &r, const YNode *v, const FieldPath &fp, std::optional<LabelSelector> &sel)
{
    if (v && !v->isNull())
        decodeLabelSelector(r, v, fp, sel.emplace());
}

// strategy: {type, rollingUpdate: {maxSurge, maxUnavailable, partition}}
void decodeStrategy(FieldReader &r, const YNode *n, const FieldPath &p, std::string &type,
                    std::optional<IntOrString> *maxSurge, std::optional<IntOrString> *maxUnavailable,
                    std::int32_t *partition)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "type") {
            r.read(v, fp, type);
        } else if (k == "rollingUpdate") {
            r.forEachField(v, fp, [&](std::string_view rk, const YNode *rv, const FieldPath &rfp) {
                if (rk == "maxSurge" && maxSurge)
                    r.read(rv, rfp, *maxSurge);
                else if (rk == "maxUnavailable" && maxUnavailable)
                    r.read(rv, rfp, *maxUnavailable);
                else if (rk == "partition" && partition)
                    r.read(rv, rfp, *partition);
            });
        }
    });
}

// The fields every replicated workload spec has (replicas, selector, template, minReadySeconds);
// true when `k` was one of them.
template <typename Spec>
bool decodeReplicatedField(FieldReader &r, std::string_view k, const YNode *v, const FieldPath &fp, Spec &s)
{
    if (k == "replicas")
        r.read(v, fp, s.replicas);
    else if (k == "selector")
        readSelector(r, v, fp, s.selector);
    else if (k == "template")
        decodePodTemplate(r, v, fp, s.template_);
    else if (k == "minReadySeconds")
        r.read(v, fp, s.minReadySeconds);
    else
        return false;
    return true;
}

ObjectPtr decodeDeployment(FieldReader &r, const YNode *root)
{
    auto d = newWithMeta<Deployment>(r, root);
    auto &s = d->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (decodeReplicatedField(r, k, v, fp, s))
            return;
        if (k == "strategy")
            decodeStrategy(r, v, fp, s.strategyType, &s.maxSurge, &s.maxUnavailable, nullptr);
        else if (k == "revisionHistoryLimit")
            r.read(v, fp, s.revisionHistoryLimit);
        else if (k == "progressDeadlineSeconds")
            r.read(v, fp, s.progressDeadlineSeconds);
        else if (k == "paused")
            r.read(v, fp, s.paused);
    });
    return d;
}

ObjectPtr decodeReplicaSet(FieldReader &r, const YNode *root)
{
    auto rs = newWithMeta<ReplicaSet>(r, root);
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        decodeReplicatedField(r, k, v, fp, rs->spec);
    });
    return rs;
}

ObjectPtr decodeReplicationController(FieldReader &r, const YNode *root)
{
    auto rc = newWithMeta<ReplicationController>(r, root);
    auto &s = rc->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "replicas")
            r.read(v, fp, s.replicas);
        else if (k == "selector")
            r.read(v, fp, s.selector);
        else if (k == "template" && v && !v->isNull())
            decodePodTemplate(r, v, fp, s.template_.emplace());
        else if (k == "minReadySeconds")
            r.read(v, fp, s.minReadySeconds);
    });
    return rc;
}

ObjectPtr decodeStatefulSet(FieldReader &r, const YNode *root)
{
    auto sts = newWithMeta<StatefulSet>(r, root);
    auto &s = sts->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (decodeReplicatedField(r, k, v, fp, s))
            return;
        if (k == "serviceName")
            r.read(v, fp, s.serviceName);
        else if (k == "podManagementPolicy")
            r.read(v, fp, s.podManagementPolicy);
        else if (k == "updateStrategy")
            decodeStrategy(r, v, fp, s.updateStrategyType, nullptr, &s.maxUnavailable, &s.partition);
        else if (k == "volumeClaimTemplates")
            r.readList(v, fp, s.volumeClaimTemplates,
                       [&](const YNode *item, const FieldPath &ip, PersistentVolumeClaim &pvc) {
                           pvc.apiVersion = "v1";
                           pvc.kind = "PersistentVolumeClaim";
                           decodePersistentVolumeClaim(r, item, ip, pvc);
                       });
        else if (k == "persistentVolumeClaimRetentionPolicy")
            r.forEachField(v, fp, [&](std::string_view pk, const YNode *pv, const FieldPath &pfp) {
                if (pk == "whenDeleted")
                    r.read(pv, pfp, s.whenDeleted);
                else if (pk == "whenScaled")
                    r.read(pv, pfp, s.whenScaled);
            });
        else if (k == "revisionHistoryLimit")
            r.read(v, fp, s.revisionHistoryLimit);
        else if (k == "ordinals")
            r.forEachField(v, fp, [&](std::string_view ok, const YNode *ov, const FieldPath &ofp) {
                if (ok == "start")
                    r.read(ov, ofp, s.ordinalsStart);
            });
    });
    return sts;
}

ObjectPtr decodeDaemonSet(FieldReader &r, const YNode *root)
{
    auto ds = newWithMeta<DaemonSet>(r, root);
    auto &s = ds->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "selector")
            readSelector(r, v, fp, s.selector);
        else if (k == "template")
            decodePodTemplate(r, v, fp, s.template_);
        else if (k == "updateStrategy")
            decodeStrategy(r, v, fp, s.updateStrategyType, &s.maxSurge, &s.maxUnavailable, nullptr);
        else if (k == "minReadySeconds")
            r.read(v, fp, s.minReadySeconds);
        else if (k == "revisionHistoryLimit")
            r.read(v, fp, s.revisionHistoryLimit);
    });
    return ds;
}

void decodePodFailurePolicy(FieldReader &r, const YNode *n, const FieldPath &p, PodFailurePolicy &policy)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k != "rules")
            return;
        r.readList(v, fp, policy.rules, [&](const YNode *item, const FieldPath &ip, PodFailurePolicyRule &rule) {
            r.forEachField(item, ip, [&](std::string_view rk, const YNode *rv, const FieldPath &rfp) {
                if (rk == "action")
                    r.read(rv, rfp, rule.action);
                else if (rk == "onExitCodes")
                    r.forEachField(rv, rfp, [&](std::string_view ek, const YNode *ev, const FieldPath &efp) {
                        auto &codes = rule.onExitCodes ? *rule.onExitCodes : rule.onExitCodes.emplace();
                        if (ek == "containerName")
                            r.read(ev, efp, codes.containerName);
                        else if (ek == "operator")
                            r.read(ev, efp, codes.operator_);
                        else if (ek == "values")
                            r.readList(
                                ev, efp, codes.values,
                                [&](const YNode *x, const FieldPath &xp, std::int32_t &out) { r.read(x, xp, out); });
                    });
                else if (rk == "onPodConditions")
                    r.readList(rv, rfp, rule.onPodConditions,
                               [&](const YNode *c, const FieldPath &cp, PodFailurePolicyRule::OnPodCondition &cond) {
                                   r.forEachField(c, cp,
                                                  [&](std::string_view ck, const YNode *cv, const FieldPath &cfp) {
                                                      if (ck == "type")
                                                          r.read(cv, cfp, cond.type);
                                                      else if (ck == "status")
                                                          r.read(cv, cfp, cond.status);
                                                  });
                               });
            });
        });
    });
}

void decodeJobSpec(FieldReader &r, const YNode *n, const FieldPath &p, JobSpec &s)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "parallelism")
            r.read(v, fp, s.parallelism);
        else if (k == "completions")
            r.read(v, fp, s.completions);
        else if (k == "activeDeadlineSeconds")
            r.read(v, fp, s.activeDeadlineSeconds);
        else if (k == "backoffLimit")
            r.read(v, fp, s.backoffLimit);
        else if (k == "backoffLimitPerIndex")
            r.read(v, fp, s.backoffLimitPerIndex);
        else if (k == "maxFailedIndexes")
            r.read(v, fp, s.maxFailedIndexes);
        else if (k == "selector")
            readSelector(r, v, fp, s.selector);
        else if (k == "manualSelector")
            r.read(v, fp, s.manualSelector);
        else if (k == "template")
            decodePodTemplate(r, v, fp, s.template_);
        else if (k == "ttlSecondsAfterFinished")
            r.read(v, fp, s.ttlSecondsAfterFinished);
        else if (k == "completionMode")
            r.read(v, fp, s.completionMode);
        else if (k == "suspend")
            r.read(v, fp, s.suspend);
        else if (k == "podReplacementPolicy")
            r.read(v, fp, s.podReplacementPolicy);
        else if (k == "podFailurePolicy")
            decodePodFailurePolicy(r, v, fp, s.podFailurePolicy.emplace());
    });
}

ObjectPtr decodeJob(FieldReader &r, const YNode *root)
{
    auto job = newWithMeta<Job>(r, root);
    decodeJobSpec(r, root->find("spec"), FieldPath{}.child("spec"), job->spec);
    return job;
}

ObjectPtr decodeCronJob(FieldReader &r, const YNode *root)
{
    auto cj = newWithMeta<CronJob>(r, root);
    auto &s = cj->spec;
    forEachSpecField(r, root, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "schedule")
            r.read(v, fp, s.schedule);
        else if (k == "timeZone")
            r.read(v, fp, s.timeZone);
        else if (k == "startingDeadlineSeconds")
            r.read(v, fp, s.startingDeadlineSeconds);
        else if (k == "concurrencyPolicy")
            r.read(v, fp, s.concurrencyPolicy);
        else if (k == "suspend")
            r.read(v, fp, s.suspend);
        else if (k == "successfulJobsHistoryLimit")
            r.read(v, fp, s.successfulJobsHistoryLimit);
        else if (k == "failedJobsHistoryLimit")
            r.read(v, fp, s.failedJobsHistoryLimit);
        else if (k == "jobTemplate")
            r.forEachField(v, fp, [&](std::string_view jk, const YNode *jv, const FieldPath &jfp) {
                if (jk == "metadata")
                    decodeObjectMeta(r, jv, jfp, s.jobMetadata);
                else if (jk == "spec")
                    decodeJobSpec(r, jv, jfp, s.jobSpec);
            });
    });
    return cj;
}

}  // namespace

ObjectPtr decodeWorkloadObject(std::string_view kind, FieldReader &r, const YNode *root)
{
    if (kind == "Deployment")
        return decodeDeployment(r, root);
    if (kind == "ReplicaSet")
        return decodeReplicaSet(r, root);
    if (kind == "ReplicationController")
        return decodeReplicationController(r, root);
    if (kind == "StatefulSet")
        return decodeStatefulSet(r, root);
    if (kind == "DaemonSet")
        return decodeDaemonSet(r, root);
    if (kind == "Job")
        return decodeJob(r, root);
    if (kind == "CronJob")
        return decodeCronJob(r, root);
    return nullptr;
}

}  // namespace podscape
