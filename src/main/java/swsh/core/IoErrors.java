package swsh.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** I/O failures in the words a Unix tool uses, never with a Java class name. */
public final class IoErrors {
    private IoErrors() {}

    /** The cause of an I/O failure in words, as a Unix tool says it ("No such file or directory"). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof FileAlreadyExistsException) return "File exists";
        if (e instanceof DirectoryNotEmptyException) return "Directory not empty";
        if (e instanceof NotDirectoryException) return "Not a directory";
        if (e instanceof NotLinkException) return "Not a symbolic link";
        if (e instanceof FileSystemLoopException) return "Too many levels of symbolic links";
        if (e instanceof CharacterCodingException) return "Not UTF-8 text";
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (why != null) why = why.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*", "").strip();
        if (why == null || why.isEmpty()) {
            return e.getCause() instanceof IOException c && c != e ? reason(c) : "Input/output error";
        }
        return Character.toUpperCase(why.charAt(0)) + why.substring(1);
    }

    /** One line for an I/O failure: {@code % FILE: cause}, or {@code % cause} when no file is known. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return "% " + f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return "% " + reason(e);
    }

}
