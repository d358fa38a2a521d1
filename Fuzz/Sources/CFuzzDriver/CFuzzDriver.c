#include "CFuzzDriver.h"

// libFuzzer's own main (pulled in by -sanitize=fuzzer) needs LLVMFuzzerTestOneInput even though
// our targets start libFuzzer through LLVMFuzzerRunDriver; it forwards to the same check.
static int (*registered)(const uint8_t *, size_t);

void CFuzzDriverRegister(int (*check)(const uint8_t *, size_t)) { registered = check; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return registered ? registered(data, size) : 0; }
