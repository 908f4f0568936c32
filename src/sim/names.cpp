#include "sim/names.h"

#include <cstdio>

namespace podscape {

std::string NameGenerator::generate(const std::string &base)
{
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    constexpr std::size_t maxBase = 63 - 5;
    std::string name = base.size() > maxBase ? base.substr(0, maxBase) : base;
    for (int i = 0; i < 5; ++i)
        name += alphabet[rng_() % (sizeof alphabet - 1)];
    return name;
}

std::string NameGenerator::uid()
{
    std::uint64_t hi = rng_(), lo = rng_();
    hi = (hi & ~std::uint64_t(0xF000)) | 0x4000;                  // version 4
    lo = (lo & ~(std::uint64_t(0xC) << 60)) | (std::uint64_t(0x8) << 60);  // variant 10
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32), unsigned((hi >> 16) & 0xFFFF),
                  unsigned(hi & 0xFFFF), unsigned(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
    return buf;
}

}  // namespace podscape
