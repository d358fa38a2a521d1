#ifndef CYAML_SHIM_H
#define CYAML_SHIM_H
// libyaml (Debian: libyaml-dev, pkg-config: yaml-0.1), used through its event and emitter APIs.
#include <yaml.h>
#endif
