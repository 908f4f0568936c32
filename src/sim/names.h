// Deterministic names and UIDs: what the API server's generateName and uid generation give,
// drawn from the simulation's seeded random source so a run repeats exactly.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace podscape {

class NameGenerator {
public:
    explicit NameGenerator(std::uint64_t seed) : rng_(seed) {}

    // generateName: base (cut to 58 characters) + 5 characters from Kubernetes' alphabet
    // "bcdfghjklmnpqrstvwxz2456789" (apiserver/pkg/storage/names/generate.go, util/rand).
    std::string generate(const std::string &base);
    // A version 4 UUID, as the API server assigns metadata.uid.
    std::string uid();
    std::mt19937_64 &rng() { return rng_; }

private:
    std::mt19937_64 rng_;
};

}  // namespace podscape
