// The default plugins (one source file each) and the few formulas tests check directly.
#pragma once

#include "sim/scheduler/framework.h"

namespace podscape::sched {

std::unique_ptr<Plugin> makeNodeUnschedulable();
std::unique_ptr<Plugin> makeNodeName();
std::unique_ptr<Plugin> makeTaintToleration();
std::unique_ptr<Plugin> makeNodeAffinity();
std::unique_ptr<Plugin> makeNodePorts();
std::unique_ptr<Plugin> makeNodeResourcesFit();
std::unique_ptr<Plugin> makeBalancedAllocation();
std::unique_ptr<Plugin> makeVolumeRestrictions();
std::unique_ptr<Plugin> makeVolumeBinding();
std::unique_ptr<Plugin> makePodTopologySpread();
std::unique_ptr<Plugin> makeInterPodAffinity();
std::unique_ptr<Plugin> makeImageLocality();

// Reason strings (the exact texts of v1.35).
namespace reasons {
inline constexpr std::string_view kUnschedulable = "node(s) were unschedulable";
inline constexpr std::string_view kNodeName = "node(s) didn't match the requested node name";
inline constexpr std::string_view kUntoleratedTaint = "node(s) had untolerated taint(s)";
inline constexpr std::string_view kNodeAffinity = "node(s) didn't match Pod's node affinity/selector";
inline constexpr std::string_view kNodeAffinityConflict = "pod affinity terms conflict";
inline constexpr std::string_view kNodePorts = "node(s) didn't have free ports for the requested pod ports";
inline constexpr std::string_view kTooManyPods = "Too many pods";
inline constexpr std::string_view kInsufficientCPU = "Insufficient cpu";
inline constexpr std::string_view kInsufficientMemory = "Insufficient memory";
inline constexpr std::string_view kInsufficientEphemeral = "Insufficient ephemeral-storage";
inline constexpr std::string_view kReadWriteOncePod =
    "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode";
inline constexpr std::string_view kUnboundImmediate = "pod has unbound immediate PersistentVolumeClaims";
inline constexpr std::string_view kVolumeNodeConflict = "node(s) didn't match PersistentVolume's node affinity";
inline constexpr std::string_view kVolumeBindConflict = "node(s) didn't find available persistent volumes to bind";
inline constexpr std::string_view kPVNotExist = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
inline constexpr std::string_view kSpreadConstraints = "node(s) didn't match pod topology spread constraints";
inline constexpr std::string_view kSpreadMissingLabel =
    "node(s) didn't match pod topology spread constraints (missing required label)";
inline constexpr std::string_view kAffinityRules = "node(s) didn't match pod affinity rules";
inline constexpr std::string_view kAntiAffinityRules = "node(s) didn't match pod anti-affinity rules";
inline constexpr std::string_view kExistingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules";
}  // namespace reasons

// noderesources.leastRequestedScore / balancedResourceScorer / imagelocality.calculatePriority.
std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity);
std::int64_t balancedResourceScore(std::span<const std::int64_t> requested, std::span<const std::int64_t> allocatable);
std::int64_t imageLocalityPriority(std::int64_t sumScores, std::size_t numContainers);

}  // namespace podscape::sched
