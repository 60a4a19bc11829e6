#ifndef TAF_TAFRUN_H
#define TAF_TAFRUN_H
/* The whole program behind main(): parse argv, run the command, return the exit code. */
int tafrun_main(int argc, char **argv);
#endif
