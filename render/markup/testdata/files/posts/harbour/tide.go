package main

import "fmt"

// START OMIT
func high(port string) string {
	return port + " at noon" // HLtide
}

// END OMIT

func main() {
	fmt.Println(high("Leith")) // HLtide
	fmt.Println("ebb")
}
