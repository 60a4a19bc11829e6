/* The cold-start baseline: a C program that does nothing. */
int main(void) { return 0; }
