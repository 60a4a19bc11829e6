return pack { name = "hostile-declare-loop", version = "1.0.0", description = "a recipe whose top level never ends", requires = ">= 0.1" }
