int main() { return 1; } // TODO pending
