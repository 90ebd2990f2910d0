using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// The one way a server-rendered form is bound and checked before its handler runs. Minimal APIs bind a
/// <c>[FromForm]</c> class as <c>null</c> when the post carries none of its fields (only the anti-forgery token),
/// so every handler would have to guard against it; here the form becomes an empty instance instead, and its
/// fields are checked once: data annotations, a length cap on every text field, and no control characters
/// other than tab and line breaks (PostgreSQL cannot store NUL; none belongs in a form). A form that fails is
/// answered 400 with a problem naming each field, never handed to the handler.
/// </summary>
public static class FormBinding
{
    /// <summary>The longest text any form field accepts unless its property declares a limit of its own.</summary>
    public const int MaxFieldLength = 20_000;

    /// <summary>Binds the endpoint's (or group's) <c>[FromForm]</c> classes as described on <see cref="FormBinding"/>.</summary>
    public static TBuilder WithFormBinding<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(FormBindingMetadata.Instance));
        builder.AddEndpointFilterFactory(Create);
        return builder;
    }

    /// <summary>
    /// A form's enum field by name only: <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> also takes numbers,
    /// including ones no member has ("99", "-1").
    /// </summary>
    public static bool TryParseEnum<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum =>
        Enum.TryParse(value, ignoreCase: false, out result) && !char.IsAsciiDigit(value![0]) && value[0] != '-' && Enum.IsDefined(result);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var forms = context.MethodInfo.GetParameters()
            .Where(p => p.GetCustomAttributes(inherit: true).OfType<IFromFormMetadata>().Any()
                && p.ParameterType.IsClass && p.ParameterType != typeof(string) && p.ParameterType.GetConstructor(Type.EmptyTypes) is not null)
            .Select(p => (p.Position, p.ParameterType))
            .ToArray();
        return async invocation =>
        {
            // Minimal APIs refuse a missing token only while binding a form; an endpoint without form fields (sign-out,
            // one-button actions) would run on a forged post, so the middleware's verdict is checked here for all.
            if (invocation.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return TypedResults.Problem(
                    detail: "The form's anti-forgery token is missing or invalid. Reload the page and send the form again.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid anti-forgery token");
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (position, type) in forms)
            {
                var form = invocation.Arguments[position];
                if (form is null)
                {
                    form = Activator.CreateInstance(type)!;
                    invocation.Arguments[position] = form;
                }

                Check(form, errors);
            }

            return errors.Count == 0
                ? await next(invocation)
                : TypedResults.ValidationProblem(errors, detail: "The form has fields to fix.", title: "Invalid form");
        };
    }

    private static void Check(object form, Dictionary<string, string[]> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                Add(errors, member, result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var property in form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || property.GetValue(form) is not string value)
            {
                continue;
            }

            var limit = property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
                ?? property.GetCustomAttribute<MaxLengthAttribute>()?.Length
                ?? MaxFieldLength;
            if (value.Length > limit)
            {
                Add(errors, property.Name, $"At most {limit} characters.");
            }
            else if (HasControlCharacter(value))
            {
                Add(errors, property.Name, "Contains control characters.");
            }
        }
    }

    internal static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message)
    {
        var name = field.Length == 0 ? "form" : char.ToLowerInvariant(field[0]) + field[1..];
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }
}
