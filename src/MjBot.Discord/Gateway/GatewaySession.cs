namespace MjBot.Discord.Gateway;

/// <summary>What a RESUME needs: the session id and resume URL from READY, and the last sequence number received.
/// Written by the receive loop, read by the heartbeat loop: every member takes the lock.</summary>
internal sealed class GatewaySession
{
    private readonly Lock _gate = new();
    private string? _sessionId;
    private Uri? _resumeUrl;
    private int? _sequence;

    public string? SessionId
    {
        get
        {
            lock (_gate)
            {
                return _sessionId;
            }
        }
    }

    public Uri? ResumeUrl
    {
        get
        {
            lock (_gate)
            {
                return _resumeUrl;
            }
        }
    }

    public int? Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public bool CanResume
    {
        get
        {
            lock (_gate)
            {
                return _sessionId is not null && _resumeUrl is not null && _sequence is not null;
            }
        }
    }

    public void Started(string sessionId, Uri resumeUrl)
    {
        lock (_gate)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUrl;
        }
    }

    /// <summary>Keeps the latest sequence number (only ever forward, as replays may repeat older ones).</summary>
    public void Saw(int sequence)
    {
        lock (_gate)
        {
            if (_sequence is not { } last || sequence > last)
            {
                _sequence = sequence;
            }
        }
    }

    /// <summary>Takes up a session saved by an earlier process, for the first connection to resume.</summary>
    public void Restore(GatewaySessionState state)
    {
        lock (_gate)
        {
            _sessionId = state.SessionId;
            _resumeUrl = state.ResumeUrl;
            _sequence = state.Sequence;
        }
    }

    /// <summary>Describes the session for saving, or returns <see langword="null"/> when there is none to resume.</summary>
    public GatewaySessionState? Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _sessionId is not null && _resumeUrl is not null && _sequence is { } sequence
                ? new GatewaySessionState(_sessionId, _resumeUrl, sequence, now)
                : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
