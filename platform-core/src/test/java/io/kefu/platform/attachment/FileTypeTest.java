package io.kefu.platform.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FileTypeTest {

    private static Optional<FileType> sniff(byte[] b) {
        return FileType.sniff(b, b.length, false);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void knownFormatsAreRecognisedByTheirFirstBytes() {
        assertEquals(Optional.of(FileType.PNG), sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0)));
        assertEquals(Optional.of(FileType.JPEG), sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals(Optional.of(FileType.GIF), sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileType.WEBP), sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of(FileType.PDF), sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileType.ZIP_CONTAINER), sniff(bytes('P', 'K', 3, 4, 20, 0)));
        assertEquals(Optional.of(FileType.TEXT), sniff("运单号 SF1234567890\r\n已签收\t".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void executablesAndBinariesAreRefusedWhateverTheirName() {
        assertEquals(Optional.empty(), sniff(bytes('M', 'Z', 0x90, 0)), "Windows executable");
        assertEquals(Optional.empty(), sniff(bytes(0x7F, 'E', 'L', 'F', 2, 1)), "ELF");
        assertEquals(Optional.empty(), sniff(bytes(0xCA, 0xFE, 0xBA, 0xBE)), "Java class");
        assertEquals(Optional.empty(), sniff("text with a bell\u0007".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), sniff(new byte[0]));
    }

    @Test
    void aMultiByteCharacterCutAtTheEndOfTheSampleIsStillText() {
        byte[] full = "客服".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of(FileType.TEXT), FileType.sniff(full, full.length - 1, true));
        assertEquals(Optional.empty(), FileType.sniff(full, full.length - 1, false), "a complete file must end on a whole character");
    }

    @Test
    void fileNamesLoseFoldersAndControlCharacters() {
        assertEquals("invoice.pdf", Filenames.clean("C:\\Users\\li\\invoice.pdf"));
        assertEquals("passwd", Filenames.clean("../../etc/passwd"));
        assertEquals("破损包裹.jpg", Filenames.clean("破损包裹.jpg"));
        assertEquals("ab.txt", Filenames.clean("a\u0000b\n.txt".replace("\n", "")));
        assertEquals("htaccess", Filenames.clean(".htaccess"));
        assertNull(Filenames.clean("///"));
        assertEquals(255, Filenames.clean("x".repeat(300) + ".png").length());
    }

    @Test
    void contentDispositionNamesAreRead() {
        assertEquals("a b.png", AttachmentsResource.filenameFrom("attachment; filename=\"a b.png\""));
        assertEquals("图片.png", AttachmentsResource.filenameFrom("attachment; filename=\"x.png\"; filename*=UTF-8''%E5%9B%BE%E7%89%87.png"));
        assertNull(AttachmentsResource.filenameFrom("inline"));
    }
}
