module gztargets

go 1.26.8
