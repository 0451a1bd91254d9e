using ServerlessHub.Hosting;

await Worker.CreateBuilder(args).Build().RunAsync();
