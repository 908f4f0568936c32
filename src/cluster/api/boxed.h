// An optional value kept on the heap: std::optional's interface for large, mostly absent parts of
// an object (a container's probes). Every pod copies its containers from the template, and a
// hundred thousand pods should not carry three empty probes inline each.
#pragma once

#include <memory>
#include <utility>

namespace podscape {

template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}
    Boxed(const Boxed &o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    Boxed(Boxed &&) noexcept = default;
    Boxed &operator=(const Boxed &o)
    {
        if (this != &o)
            p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    Boxed &operator=(Boxed &&) noexcept = default;

    bool has_value() const { return p_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T &operator*() const { return *p_; }
    T &operator*() { return *p_; }
    const T *operator->() const { return p_.get(); }
    T *operator->() { return p_.get(); }
    void reset() { p_.reset(); }

private:
    std::unique_ptr<T> p_;
};

}  // namespace podscape
