using System.Globalization;
using System.Resources;

namespace Nqba.Server.Modules.Support.Chat.Resources;

/// <summary>Strings of the chat bot, the agent console and the knowledge-base editor (SupportChatResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class SupportChatResource
{
    private static readonly ResourceManager Strings = new(typeof(SupportChatResource));

    /// <summary>The string in a chat's language (a visitor's language is not the request's culture).</summary>
    public static string Get(string name, string language, params object[] args)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var text = Strings.GetString(name, culture) ?? name;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
