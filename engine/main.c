#include "tafrun.h"
int main(int argc, char **argv) { return tafrun_main(argc, argv); }
