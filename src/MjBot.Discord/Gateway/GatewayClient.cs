using Microsoft.Extensions.Logging;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Gateway;

/// <summary>Keeps one gateway session alive: reads the URL and identify budget from GET /gateway/bot, connects,
/// and after every end of a connection resumes, identifies anew or stops, as the close code, op 7 or op 9 says.
/// Failed attempts back off exponentially with jitter; a healthy connection resets the backoff; IDENTIFYs stay
/// inside the daily budget and max_concurrency. Dispatches go to the handler in sequence order. With a session store,
/// a stop keeps the session open and saves it, and the next start resumes it, so a quick restart (an upgrade, a
/// container restart) misses no events and spends no IDENTIFY.</summary>
public sealed class GatewayClient
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    private readonly DiscordRestClient _rest;
    private readonly GatewayContext _context;
    private Uri? _gatewayUrl;
    private GatewayConnection? _current;

    /// <param name="rest">The REST client, for GET /gateway/bot.</param>
    /// <param name="handler">Receives every dispatch.</param>
    /// <param name="options">The token, intents and timings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="sessions">Where the session is kept across a restart; <see langword="null"/> ends the session on
    /// stop (close code 1000).</param>
    public GatewayClient(DiscordRestClient rest, IGatewayDispatchHandler handler, GatewayClientOptions options, TimeProvider time, ILogger<GatewayClient> logger, IGatewaySessionStore? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _rest = rest;
        _context = new GatewayContext(options, new GatewaySession(), new GatewayCounters(), new IdentifyBudget(time), time, handler, logger, sessions);
    }

    /// <summary>Gets what the client has done so far.</summary>
    public GatewayCounters Counters => _context.Counters;

    /// <summary>Gets the last heartbeat round trip on the current connection.</summary>
    public TimeSpan? Latency => _current?.Latency;

    /// <summary>Gets whether a gateway connection is open now.</summary>
    public bool IsConnected => _current is not null;

    /// <summary>Runs until Discord closes the gateway for good (a rejected token, refused intents …) or the token
    /// is cancelled. A fatal close is logged once, as one line that names the fix.</summary>
    /// <param name="cancellationToken">Stops the client: with a session store the connection closes with 4000 and the
    /// session is saved; without one it closes with 1000, which ends the session.</param>
    /// <returns>The fatal close's decision, whose reason says what to fix.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<GatewayCloseDecision> RunAsync(CancellationToken cancellationToken)
    {
        RestoreSavedSession();
        try
        {
            return await RunConnectionsAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SaveSessionForRestart();
            throw;
        }
    }

    private async Task<GatewayCloseDecision> RunConnectionsAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resume = _context.Session.CanResume;
            Uri url;
            try
            {
                url = resume ? _context.Session.ResumeUrl! : await GatewayUrlAsync(refresh: failures >= 3, cancellationToken);
            }
            catch (GatewayTokenRejectedException)
            {
                var reason = GatewayClosePolicy.Decide(4004).Reason.Replace("(4004)", "(401 on GET /gateway/bot)", StringComparison.Ordinal);
                _context.Logger.Fatal(reason);
                return new GatewayCloseDecision(GatewayCloseAction.Stop, reason);
            }

            _context.Logger.Connecting(url.Host, resume ? "resume" : "identify");
            ConnectionOutcome outcome;
            using (var connection = new GatewayConnection(_context))
            {
                _current = connection;
                try
                {
                    outcome = await connection.RunAsync(url, resume, cancellationToken);
                }
                finally
                {
                    _current = null;
                }
            }

            // A stop ends the connection with a close frame rather than an exception; it is not a reason to reconnect.
            cancellationToken.ThrowIfCancellationRequested();

            if (outcome.Action == GatewayCloseAction.Stop)
            {
                _context.Logger.Fatal(outcome.Reason);
                return new GatewayCloseDecision(GatewayCloseAction.Stop, outcome.Reason);
            }

            if (outcome.Action == GatewayCloseAction.Identify)
            {
                _context.Session.Clear();
            }

            failures = outcome.ReachedSession ? 0 : failures + 1;
            var delay = Max(outcome.DelayBeforeNext, Backoff(failures));
            _context.Logger.Reconnecting(outcome.Reason, _context.Session.CanResume ? "resume" : "identify", (long)delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _context.Time, cancellationToken);
            }
        }
    }

    // A session saved by the last stop is offered for RESUME once (the store forgets it as it hands it over), and only
    // while Discord may still hold it; otherwise the first connection identifies.
    private void RestoreSavedSession()
    {
        if (_context.Store is not { } store)
        {
            return;
        }

        GatewaySessionState? saved;
        try
        {
            saved = store.Take();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _context.Logger.SavedSessionUnreadable(ex.Message);
            return;
        }

        if (saved is null)
        {
            return;
        }

        var age = _context.Time.GetUtcNow() - saved.SavedAt;
        if (age.Duration() > _context.Options.SavedSessionMaxAge)
        {
            _context.Logger.SavedSessionTooOld((long)age.TotalSeconds, (long)_context.Options.SavedSessionMaxAge.TotalSeconds);
            return;
        }

        _context.Session.Restore(saved);
        _context.Logger.SessionRestored((long)age.TotalSeconds, saved.Sequence);
    }

    private void SaveSessionForRestart()
    {
        if (_context.Store is not { } store || _context.Session.Snapshot(_context.Time.GetUtcNow()) is not { } state)
        {
            return;
        }

        try
        {
            store.Save(state);
            _context.Logger.SessionSaved(state.Sequence);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _context.Logger.SessionNotSaved(ex.Message);
        }
    }

    // None after a healthy connection; then 0.5 s, 1 s, 2 s … up to the maximum, each with up to half taken off at
    // random so that many bots dropped by one outage do not come back in step.
    private TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return TimeSpan.Zero;
        }

        var full = Min(_context.Options.MaxReconnectDelay, FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 16)));
        return full * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }

    // The URL from GET /gateway/bot is cached for fresh connections; asked again after repeated failures, and the
    // answer's session_start_limit feeds the identify budget each time.
    private async Task<Uri> GatewayUrlAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_gatewayUrl is not null && !refresh)
        {
            return _gatewayUrl;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await _rest.GetGatewayBotAsync(cancellationToken);
                _context.IdentifyBudget.Update(answer.SessionStartLimit);
                _gatewayUrl = GatewayUri.For(answer.Url, _context.Options.TransportCompression);
                return _gatewayUrl;
            }
            catch (DiscordApiException ex) when (ex.Status == 401)
            {
                throw new GatewayTokenRejectedException(ex.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordApiException { Status: >= 500 } && _gatewayUrl is null)
            {
                var delay = Backoff(attempt);
                _context.Logger.GatewayUrlFailed(ex.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _context.Time, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordApiException { Status: >= 500 })
            {
                // The cached URL still works as well as it did; keep it rather than stall the reconnect.
                _context.Logger.GatewayUrlFailed(ex.Message, 0);
                return _gatewayUrl!;
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
