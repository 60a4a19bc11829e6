return { { name = "Free Lunch", input = -1, output = 0 } }
