using Microsoft.AspNetCore.Mvc;

namespace ServerlessHub.Http;

/// <summary>
/// Declares a status the function answers as problem+json (<see cref="Problems"/>), for the OpenAPI document: a
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/> in the return type says nothing of its status.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int statusCode) : ProducesResponseTypeAttribute(typeof(ProblemDetails), statusCode, "application/problem+json");
