namespace Nqba.Server.Platform.Web;

/// <summary>Marks an endpoint whose forms go through <see cref="FormBinding"/>; the tests find every form endpoint by it.</summary>
public sealed class FormBindingMetadata
{
    public static readonly FormBindingMetadata Instance = new();

    private FormBindingMetadata()
    {
    }
}
