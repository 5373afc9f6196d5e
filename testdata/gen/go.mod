module example.com/leaky/v2

go 1.19
