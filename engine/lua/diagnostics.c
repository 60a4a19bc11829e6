/* placeholder: filled in by the formulas work */
#include "lua/bind.h"
const luaL_Reg taf_diagnostics_lib[] = { { NULL, NULL } };
