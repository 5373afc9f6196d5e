module example.com/genlarge

go 1.23
