return pack { name = "pattern", version = "0.0.1", description = "hostile: a backtracking pattern that runs in C, outside the instruction budget", requires = ">= 0.1" }
