/**
 * The drop folder: movie files and image sequences copied into a folder tree become plates to
 * analyse once they are completely copied. {@link io.shotscope.watch.DropFolderScanner} lists what
 * is there, {@link io.shotscope.watch.DropFolderWatcher} waits until each plate stops changing and
 * emits it once. Plain {@code java.nio} polling: it works the same on local disks and network
 * shares, where file-system events are unreliable. Recognising sequences is left to
 * {@code io.shotscope.video.ImageSequence}, so a candidate's input opens exactly as listed.
 */
package io.shotscope.watch;
