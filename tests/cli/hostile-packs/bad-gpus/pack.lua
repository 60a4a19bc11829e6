return pack { name = "hostile-bad-gpus", version = "1.0.0", description = "GPU entries with impossible figures", requires = ">= 0.1" }
