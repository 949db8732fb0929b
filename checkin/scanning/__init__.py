"""Scanner input: keyboard-wedge bursts and camera frames decoded with zxing-cpp."""
