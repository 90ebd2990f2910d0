using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Tests.Architecture;

/// <summary>
/// Endpoints do not write through a DbContext (STYLE.md): a change goes through the module's command service, which
/// stages its audit entry and events in the same transaction, so the API, the pages and the CLI change data one way.
/// The check reads the IL of every method of a <c>…Endpoints</c> class, the compiler's async state machines included.
/// </summary>
public sealed class EndpointWriteTests
{
    private const byte Call = 0x28;
    private const byte CallVirt = 0x6F;

    /// <summary>"EndpointsClass.Method" for every endpoint method that calls <c>DbContext.SaveChanges…</c>.</summary>
    internal static List<string> EndpointsSavingChanges(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => EndpointsClass(t) is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => CallsSaveChanges(m))
                .Select(m => $"{EndpointsClass(t)!.FullName}.{SourceName(m)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static Type? EndpointsClass(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The method as written: an async method's body is the <c>MoveNext</c> of a type named <c>&lt;Name&gt;d__N</c>.</summary>
    private static string SourceName(MethodInfo method) =>
        method.DeclaringType is { Name: ['<', ..] name } ? name[1..name.IndexOf('>', StringComparison.Ordinal)] : method.Name;

    private static bool CallsSaveChanges(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return false;
        }

        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (Call or CallVirt))
            {
                continue;
            }

            try
            {
                var callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
                if (callee?.Name.StartsWith(nameof(DbContext.SaveChanges), StringComparison.Ordinal) == true && typeof(DbContext).IsAssignableFrom(callee.DeclaringType))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // The byte was an operand, not a call opcode: its "token" names no method.
            }
        }

        return false;
    }

    [Fact]
    public void NoEndpointSavesThroughADbContext() =>
        Assert.Empty(EndpointsSavingChanges(typeof(Program).Assembly));

    [Fact]
    public void APlantedEndpointThatSaves_IsFound() =>
        Assert.Equal([$"{typeof(PlantedEndpoints).FullName}.{nameof(PlantedEndpoints.Rename)}"], EndpointsSavingChanges(typeof(EndpointWriteTests).Assembly));
}

/// <summary>An endpoint written the forbidden way, for the check above to find (its async state machine included).</summary>
internal static class PlantedEndpoints
{
    public static async Task Rename(DbContext db, CancellationToken ct)
    {
        await Task.Yield();
        await db.SaveChangesAsync(ct);
    }
}
