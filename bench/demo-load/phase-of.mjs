/**
 * Which part of the load a long task fell in, from the progress-line timeline (times recorded by a
 * MutationObserver, so inside the task that changed the text).
 */
export function phaseOf(task, rec) {
  const end = task.start + task.duration;
  const firstPages = rec.progress.find((p) => /^pages /.test(p.text));
  const lastPages = [...rec.progress].reverse().find((p) => /^pages /.test(p.text));
  const firstModel = rec.progress.find((p) => /^model /.test(p.text));
  if (rec.readyAt !== null && end >= rec.readyAt) return task.start <= rec.readyAt ? 'sets ready' : 'after ready';
  if (firstModel && task.start >= firstModel.t) return 'during the model slices';
  if (lastPages && end >= lastPages.t) return 'last page received, before the first model slice';
  if (firstPages && end >= firstPages.t) return 'REST paging';
  return 'page start-up';
}
