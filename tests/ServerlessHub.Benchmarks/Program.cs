namespace ServerlessHub.Benchmarks; public static class Program { public static void Main() { } }
