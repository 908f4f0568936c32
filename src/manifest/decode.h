// Typed decoding of API objects from yaml::Node trees: one function per API type, reading the
// fields Podscape simulates or shows. Unknown fields are skipped; wrong types are errors.
#pragma once

#include "cluster/api/apps.h"
#include "cluster/api/batch.h"
#include "cluster/api/core.h"
#include "cluster/api/other.h"
#include "cluster/api/policy.h"
#include "cluster/api/storage.h"
#include "manifest/field_reader.h"

namespace podscape {

using YNode = yaml::Node;

// Shared pieces (decode_meta.cpp).
void decodeObjectMeta(FieldReader &r, const YNode *n, const FieldPath &p, ObjectMeta &meta);
void decodeLabelSelector(FieldReader &r, const YNode *n, const FieldPath &p, LabelSelector &sel);
void decodeNodeSelector(FieldReader &r, const YNode *n, const FieldPath &p, NodeSelector &sel);
void decodeNodeSelectorTerm(FieldReader &r, const YNode *n, const FieldPath &p, NodeSelectorTerm &term);

// The core group (decode_core.cpp).
void decodePodSpec(FieldReader &r, const YNode *n, const FieldPath &p, PodSpec &spec);
void decodePodTemplate(FieldReader &r, const YNode *n, const FieldPath &p, PodTemplateSpec &tpl);
void decodePersistentVolumeClaim(FieldReader &r, const YNode *root, const FieldPath &p, PersistentVolumeClaim &pvc);

// A new typed object with its metadata decoded from root.metadata.
template <typename T> std::shared_ptr<T> newWithMeta(FieldReader &r, const YNode *root)
{
    auto obj = std::make_shared<T>();
    if (const YNode *meta = root->find("metadata"))
        decodeObjectMeta(r, meta, FieldPath{}.child("metadata"), obj->metadata);
    return obj;
}

// Calls fn(key, value, path) for each field of root's `section` ("spec", "status", ...).
template <typename Fn> void forEachSectionField(FieldReader &r, const YNode *root, const char *section, Fn fn)
{
    FieldPath top;
    FieldPath path = top.child(section);
    r.forEachField(root->find(section), path, fn);
}

template <typename Fn> void forEachSpecField(FieldReader &r, const YNode *root, Fn fn)
{
    forEachSectionField(r, root, "spec", fn);
}

// Creates the typed object for a simulated kind and decodes `root` into it (everything but
// TypeMeta, which the caller sets). Returns null for kinds without a typed representation.
ObjectPtr decodeTypedObject(std::string_view kind, FieldReader &r, const YNode *root);

// Per-group factories used by decodeTypedObject.
ObjectPtr decodeCoreObject(std::string_view kind, FieldReader &r, const YNode *root);
ObjectPtr decodeWorkloadObject(std::string_view kind, FieldReader &r, const YNode *root);
ObjectPtr decodeOtherObject(std::string_view kind, FieldReader &r, const YNode *root);

}  // namespace podscape
