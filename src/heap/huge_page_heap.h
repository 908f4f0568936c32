// The heap's memory in transparent huge pages (huge_page_heap.cpp says why). It installs itself
// when the program starts, wherever tcmalloc is linked.
#pragma once

namespace podscape::heap {

// True when tcmalloc takes its memory from the huge-page regions: in every build but the
// sanitizers', which keep their own allocator.
bool hugePageHeapInstalled();

} // namespace podscape::heap
