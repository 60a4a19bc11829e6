return pack { name = "too-new", version = "3.0.0", description = "needs a future tafrun", requires = ">= 9.0" }
