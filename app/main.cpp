int main() { return 0; } // TODO pending
