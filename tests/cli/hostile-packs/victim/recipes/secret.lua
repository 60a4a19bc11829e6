return { token = "s3cr3t" }
