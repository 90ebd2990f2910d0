using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;
using Nqba.Testing;

namespace Nqba.Server.Tests.SupportChat;

/// <summary>
/// The server with two regions of its own so business hours do not depend on when the tests run:
/// <see cref="OpenRegion"/> is open around the clock, <see cref="ClosedRegion"/> never.
/// </summary>
public sealed class ChatFactory : NqbaFactory
{
    public const string OpenRegion = "test-open";
    public const string ClosedRegion = "test-closed";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SupportChat:VisitorMessagesPerMinute"] = "8",
        // Long enough that the server's own pickup job (on the real clock) hands nothing over during a test: the pickup
        // test runs the hand-over itself on a fake clock past the timeout.
        ["SupportChat:PickupTimeout"] = "01:00:00",
        ["SupportChat:PickupCheckInterval"] = "00:00:01",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestRegions.AddAsync(Services, OpenRegion, alwaysOpen: true);
        await TestRegions.AddAsync(Services, ClosedRegion, alwaysOpen: false);
    }

    /// <summary>A visitor's widget connection; <paramref name="token"/> identifies the visitor.</summary>
    public Task<HubConnection> ConnectVisitorAsync(string token, Inbox? inbox = null) =>
        ConnectAsync($"{VisitorHub.Path}?visitor={token}", null, inbox, agent: false);

    /// <summary>An agent console connection with the bearer token of <paramref name="agent"/>.</summary>
    public Task<HubConnection> ConnectAgentAsync(HttpClient agent, Inbox? inbox = null) =>
        ConnectAsync(AgentHub.Path, agent.DefaultRequestHeaders.Authorization?.Parameter, inbox, agent: true);

    public async Task ClearPresenceAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SupportChatDbContext>().Presence.ExecuteDeleteAsync();
    }

    public static string NewToken() => "t" + Guid.NewGuid().ToString("N");

    private async Task<HubConnection> ConnectAsync(string path, string? accessToken, Inbox? inbox, bool agent)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        if (inbox is not null)
        {
            connection.On<MessageView>("Message", m => inbox.Add(m));
            if (agent)
            {
                connection.On<ConversationSummary>("Conversation", c => inbox.Add(c));
                connection.On<Guid, bool>("Typing", (id, typing) => inbox.Add(new Signal("typing", id)));
                connection.On<Guid, DateTime>("Read", (id, _) => inbox.Add(new Signal("read", id)));
            }
            else
            {
                connection.On<ConversationSummary>("Status", c => inbox.Add(c));
                connection.On<bool>("Typing", _ => inbox.Add(new Signal("typing", Guid.Empty)));
                connection.On<DateTime>("Read", _ => inbox.Add(new Signal("read", Guid.Empty)));
            }
        }

        await connection.StartAsync();
        return connection;
    }

    /// <summary>A typing or read notice (for a conversation, on the agent side).</summary>
    public sealed record Signal(string Kind, Guid ConversationId);

    /// <summary>What a connection received from the hub.</summary>
    public sealed class Inbox
    {
        private readonly ConcurrentQueue<object> _items = new();

        // Completed (and replaced) by every arrival: a waiter wakes when something arrives, not on a timer.
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(object item)
        {
            _items.Enqueue(item);
            Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        public IReadOnlyList<T> Snapshot<T>() => [.. _items.OfType<T>()];

        /// <summary>
        /// Waits for an item matching <paramref name="match"/>, looking again at each arrival. The hub pushes over a real
        /// (long-polling) connection, so this is a wait for I/O: bounded at 15 seconds, then it fails.
        /// </summary>
        public async Task<T> WaitForAsync<T>(Func<T, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                var arrived = Volatile.Read(ref _arrived); // taken before looking: an arrival after the look completes it
                if (_items.OfType<T>().FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, $"Nothing matching arrived; received: {string.Join(" | ", _items)}");
                try
                {
                    await arrived.Task.WaitAsync(left);
                }
                catch (TimeoutException)
                {
                    // looked at once more above, then the deadline fails it
                }
            }
        }
    }
}
