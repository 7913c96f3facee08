using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Endpoints;

public static class EndpointMapping
{
    /// <summary>A page: answers GET, and HEAD with the same headers and no body (monitors, link checkers and caches ask HEAD).</summary>
    public static RouteHandlerBuilder MapPage(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);
}

/// <summary>The language part of an address: exactly «ru» or «kk», in lower case (a regex constraint would ignore case).</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "culture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Cultures.IsSupported(value as string);
}
