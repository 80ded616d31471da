package ru.outreach.staffweb;

import java.net.URI;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * «Распечатать протокол (PDF)»: the signed minutes' protocol from the meetings service, fetched with the signed-in
 * person's token and handed to the browser to open and print; the secretary from his minutes' pages, the control
 * department from «Протоколы». What the protocol shows of the citizens the service decides. A refusal goes back to
 * the page with its reason.
 */
@Controller
public class ProtocolDownloads {

    private final Api meetings;

    ProtocolDownloads(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings/{id}/minutes/protocol.pdf")
    ResponseEntity<byte[]> secretarysCopy(@PathVariable String id, HttpServletRequest request,
                                          HttpServletResponse response) {
        return protocol(id, UriComponentsBuilder.fromPath("/meetings/{id}/minutes").build(id), request, response);
    }

    @GetMapping("/minutes/{id}/protocol.pdf")
    ResponseEntity<byte[]> controlDepartmentsCopy(@PathVariable String id, HttpServletRequest request,
                                                  HttpServletResponse response) {
        return protocol(id, URI.create("/minutes"), request, response);
    }

    private ResponseEntity<byte[]> protocol(String id, URI back, HttpServletRequest request,
                                            HttpServletResponse response) {
        Api.Download pdf;
        try {
            pdf = meetings.download(MediaType.APPLICATION_PDF, "/api/meetings/{id}/minutes/protocol.pdf", id);
        } catch (Api.Refusal | Api.Unavailable e) {
            // a file's answer is no view, so the flash message for the page is saved here
            RequestContextUtils.getOutputFlashMap(request).put("problem", e.getMessage());
            RequestContextUtils.saveOutputFlashMap(back.toString(), request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
        }
        String name = pdf.fileName() != null ? pdf.fileName() : "protokol-" + id.replaceAll("[^A-Za-z0-9_-]", "")
                + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.bytes());
    }
}
