namespace ServerlessHub.Runtime;

/// <summary>One function of the app, as its <c>function.json</c> declares it.</summary>
public sealed record FunctionDefinition(string Name, FunctionTrigger Trigger);

/// <summary>The trigger binding of a function; the only bindings the handler needs to know.</summary>
public abstract record FunctionTrigger(string BindingName);

/// <summary>An <c>httpTrigger</c>: forwarded as plain HTTP under the host, served by Kestrel standalone.</summary>
public sealed record HttpTrigger(string BindingName, string Route, IReadOnlyList<string> Methods, string AuthLevel) : FunctionTrigger(BindingName);

/// <summary>A <c>queueTrigger</c> on <see cref="QueueName"/>, with <c>%Setting%</c> references already expanded.</summary>
public sealed record QueueTrigger(string BindingName, string QueueName, string Connection) : FunctionTrigger(BindingName);

/// <summary>A <c>timerTrigger</c> with its 6-field NCRONTAB <see cref="Schedule"/>, <c>%Setting%</c> references expanded.</summary>
public sealed record TimerTrigger(string BindingName, string Schedule, bool RunOnStartup, bool UseMonitor) : FunctionTrigger(BindingName);
