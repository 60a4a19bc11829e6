return pack { name = "c-loops", version = "0.0.1", description = "hostile: C loops of the table library over a lying __len or a huge range, which run no VM instruction", requires = ">= 0.1" }
