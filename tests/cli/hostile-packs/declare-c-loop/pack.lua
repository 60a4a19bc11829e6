return pack { name = "declare-c-loop", version = "0.0.1", description = "hostile: a top level that loops in C over a lying __len", requires = ">= 0.1" }
