/* placeholder until engine/json.c lands */
#include "lua/bind.h"
const luaL_Reg taf_json_lib[] = { { NULL, NULL } };
