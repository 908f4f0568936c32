#include "manifest/decode.h"

namespace podscape {

namespace {

void decodeOwnerReference(FieldReader &r, const YNode *n, const FieldPath &p, OwnerReference &ref)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "apiVersion")
            r.read(v, fp, ref.apiVersion);
        else if (k == "kind")
            r.read(v, fp, ref.kind);
        else if (k == "name")
            r.read(v, fp, ref.name);
        else if (k == "uid")
            r.read(v, fp, ref.uid);
        else if (k == "controller")
            r.read(v, fp, ref.controller);
        else if (k == "blockOwnerDeletion")
            r.read(v, fp, ref.blockOwnerDeletion);
    });
}

// Reads an operator; unknown operators are kept out of the selector and reported with the
// message metav1.LabelSelectorAsSelector / the node affinity validation give.
template <typename Requirement>
void decodeRequirement(FieldReader &r, const YNode *n, const FieldPath &p, Requirement &req, bool allowGtLt)
{
    std::string op;
    const YNode *opNode = nullptr;
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "key") {
            r.read(v, fp, req.key);
        } else if (k == "operator") {
            r.read(v, fp, op);
            opNode = v;
        } else if (k == "values") {
            r.read(v, fp, req.values);
        }
    });
    if (auto parsed = selectorOperatorFromString(op, allowGtLt)) {
        req.op = *parsed;
    } else {
        FieldPath opPath = p.child("operator");
        r.error(opNode ? opNode : n, opPath,
                allowGtLt ? "Unsupported value: \"" + op +
                                "\": supported values: \"DoesNotExist\", \"Exists\", \"Gt\", \"In\", \"Lt\", \"NotIn\""
                          : "Unsupported value: \"" + op +
                                "\": supported values: \"DoesNotExist\", \"Exists\", \"In\", \"NotIn\"");
    }
}

}  // namespace

void decodeObjectMeta(FieldReader &r, const YNode *n, const FieldPath &p, ObjectMeta &meta)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "name")
            r.read(v, fp, meta.name);
        else if (k == "generateName")
            r.read(v, fp, meta.generateName);
        else if (k == "namespace")
            r.read(v, fp, meta.namespace_);
        else if (k == "uid")
            r.read(v, fp, meta.uid);
        else if (k == "labels")
            r.read(v, fp, meta.labels);
        else if (k == "annotations")
            r.read(v, fp, meta.annotations);
        else if (k == "finalizers")
            r.read(v, fp, meta.finalizers);
        else if (k == "ownerReferences")
            r.readList(v, fp, meta.ownerReferences, [&](const YNode *item, const FieldPath &ip, OwnerReference &ref) {
                decodeOwnerReference(r, item, ip, ref);
            });
    });
}

void decodeLabelSelector(FieldReader &r, const YNode *n, const FieldPath &p, LabelSelector &sel)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "matchLabels")
            r.read(v, fp, sel.matchLabels);
        else if (k == "matchExpressions")
            r.readList(v, fp, sel.matchExpressions,
                       [&](const YNode *item, const FieldPath &ip, LabelSelectorRequirement &req) {
                           decodeRequirement(r, item, ip, req, false);
                       });
    });
}

void decodeNodeSelectorTerm(FieldReader &r, const YNode *n, const FieldPath &p, NodeSelectorTerm &term)
{
    auto requirement = [&](const YNode *item, const FieldPath &ip, NodeSelectorRequirement &req) {
        decodeRequirement(r, item, ip, req, true);
    };
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "matchExpressions")
            r.readList(v, fp, term.matchExpressions, requirement);
        else if (k == "matchFields")
            r.readList(v, fp, term.matchFields, requirement);
    });
}

void decodeNodeSelector(FieldReader &r, const YNode *n, const FieldPath &p, NodeSelector &sel)
{
    r.forEachField(n, p, [&](std::string_view k, const YNode *v, const FieldPath &fp) {
        if (k == "nodeSelectorTerms")
            r.readList(v, fp, sel.nodeSelectorTerms, [&](const YNode *item, const FieldPath &ip, NodeSelectorTerm &t) {
                decodeNodeSelectorTerm(r, item, ip, t);
            });
    });
}

ObjectPtr decodeTypedObject(std::string_view kind, FieldReader &r, const YNode *root)
{
    if (auto obj = decodeCoreObject(kind, r, root))
        return obj;
    if (auto obj = decodeWorkloadObject(kind, r, root))
        return obj;
    return decodeOtherObject(kind, r, root);
}

}  // namespace podscape
