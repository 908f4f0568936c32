// The heap grows in regions the kernel is asked to back with huge pages: what a 100,000-pod run
// allocates must land there, and stay usable memory.
#include "heap/huge_page_heap.h"

#include <QtTest>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Mapping {
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
    std::string flags; // the "VmFlags:" line of /proc/self/smaps
};

// The mapping of /proc/self/smaps that holds `address`, with its VmFlags line.
Mapping mappingOf(const void *address)
{
    const auto wanted = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    Mapping current;
    bool found = false;
    for (std::string line; std::getline(smaps, line);) {
        if (line.rfind("VmFlags:", 0) == 0) {
            current.flags = line;
            if (found)
                return current;
            continue;
        }
        std::uintptr_t start = 0, end = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> start >> dash >> end && dash == '-') {
            current = {start, end, {}};
            found = start <= wanted && wanted < end;
        }
    }
    return {};
}

} // namespace

class TestHugePageHeap : public QObject {
    Q_OBJECT

private slots:
    void objectsLiveInHugePageRegions()
    {
        if (!podscape::heap::hugePageHeapInstalled())
            QSKIP("built without tcmalloc (the sanitizers' allocator)");
        // Enough small objects, as pods and index entries are, to make tcmalloc take fresh
        // memory from the system.
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int i = 0; i < 64 * 1024; ++i) {
            blocks.push_back(std::make_unique<char[]>(512));
            std::memset(blocks.back().get(), i & 0xff, 512);
        }
        const Mapping last = mappingOf(blocks.back().get());
        QVERIFY2(last.end > last.start, "the block is in no mapping of /proc/self/smaps");
        QVERIFY2(last.flags.find(" hg") != std::string::npos, last.flags.c_str());
        QCOMPARE(last.start % (std::uintptr_t(2) << 20), std::uintptr_t(0));
        // The memory is the program's to use: every block still holds what was written.
        for (int i = 0; i < int(blocks.size()); i += 997)
            QCOMPARE(int(static_cast<unsigned char>(blocks[i][511])), i & 0xff);
    }

    void largeAllocationsToo()
    {
        if (!podscape::heap::hugePageHeapInstalled())
            QSKIP("built without tcmalloc (the sanitizers' allocator)");
        // Larger than a region: it gets a region of its own.
        const std::size_t size = std::size_t(100) << 20;
        auto big = std::make_unique<char[]>(size);
        big[0] = 1;
        big[size - 1] = 2;
        const Mapping mapping = mappingOf(big.get());
        QVERIFY2(mapping.flags.find(" hg") != std::string::npos, mapping.flags.c_str());
        QVERIFY(mapping.end - reinterpret_cast<std::uintptr_t>(big.get()) >= size);
        QCOMPARE(big[0] + big[size - 1], 3);
    }
};

QTEST_APPLESS_MAIN(TestHugePageHeap)
#include "tst_huge_page_heap.moc"
