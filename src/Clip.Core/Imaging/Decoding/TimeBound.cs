namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Runs a decode on its own thread and stops waiting for it at the deadline, so that a hang inside a library becomes
/// a <see cref="ImageDecodeError.Timeout"/> for this one image and the caller's thread goes on.
/// </summary>
internal static class TimeBound
{
    // Limitation: native code cannot be interrupted. An abandoned decode keeps its thread until the library returns;
    // its result is then disposed. Managed decoders see the token and stop early.
    public static DecodedImage Run(
        Func<CancellationToken, DecodedImage> decode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A dedicated thread, and a deadline that starts with the work: a busy thread pool must not count as time.
        Task<DecodedImage> task = Task.Factory.StartNew(
            () =>
            {
                deadline.CancelAfter(timeout);
                started.SetResult();
                return decode(deadline.Token);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        bool finished;
        try
        {
            started.Task.Wait(cancellationToken);
            finished = task.Wait((int)timeout.TotalMilliseconds, cancellationToken);
        }
        catch (AggregateException)
        {
            finished = true;
        }
        catch (OperationCanceledException)
        {
            Abandon(task, deadline);
            throw;
        }

        if (!finished)
        {
            Abandon(task, deadline);
            throw TimedOut(timeout);
        }

        deadline.Dispose();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(timeout);
        }
    }

    private static ImageDecodeException TimedOut(TimeSpan timeout) => new(
        ImageDecodeError.Timeout, $"Decoding did not finish within {timeout.TotalSeconds:0.###} s and was abandoned.");

    private static void Abandon(Task<DecodedImage> task, CancellationTokenSource deadline)
    {
        task.ContinueWith(
            finished =>
            {
                if (finished.IsCompletedSuccessfully)
                {
                    finished.Result.Dispose();
                }
                else
                {
                    _ = finished.Exception;
                }

                deadline.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
