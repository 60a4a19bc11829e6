return pack { name = "shared-string", version = "0.0.1", description = "hostile: a result holding one 1 MiB string 100000 times (100 GB of JSON text)", requires = ">= 0.1" }
