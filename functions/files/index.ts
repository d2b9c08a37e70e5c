import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { MATERIAL_SIZE_TEXT, MATERIAL_TYPES_TEXT } from '../../shared/files/materials'
import { z } from '../../shared/validation'
import {
  cloudUploadSlot,
  downloadMaterial,
  importCloudFile,
  MATERIAL_MAX_BYTES,
  MATERIAL_TYPES,
  uploadMaterial,
} from '../contexts/files/files'
import { LIMITS } from '../contexts/limits/rate-limit'
import { cloudbaseMain } from '../runtime/cloudbase'
import { fileReply, httpFunction, route } from '../runtime/http'

const fn = httpFunction({
  [routeKey(API_ROUTES.uploadFile)]: route({
    access: 'user',
    limits: LIMITS.upload,
    raw: {
      types: MATERIAL_TYPES,
      maxBytes: MATERIAL_MAX_BYTES,
      typesText: MATERIAL_TYPES_TEXT,
      sizeText: MATERIAL_SIZE_TEXT,
    },
    query: z
      .object({
        name: z.string().trim().min(1, '请提供文件名').max(80, '文件名过长'),
        // Staff uploading for a person of their region (evidence of a key group).
        personId: z
          .string()
          .regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确')
          .optional(),
      })
      .strict(),
    status: 201,
    handle: ({ deps, identity, raw, query }) =>
      uploadMaterial(deps, identity!, raw, query.name, query.personId),
  }),
  [routeKey(API_ROUTES.downloadFile)]: route({
    access: 'user',
    params: z.object({ id: z.string().regex(/^file_[a-z0-9_]{1,40}$/, '文件编号格式不正确') }),
    handle: async ({ deps, identity, params }) => {
      const file = await downloadMaterial(deps, identity!, params.id)
      return fileReply(file.bytes, file.contentType, file.name)
    },
  }),
  [routeKey(API_ROUTES.cloudUploadSlot)]: route({
    access: 'user',
    limits: LIMITS.upload,
    status: 201,
    handle: ({ deps, identity }) => cloudUploadSlot(deps, identity!),
  }),
  [routeKey(API_ROUTES.importCloudFile)]: route({
    access: 'user',
    body: z
      .object({
        fileId: z
          .string()
          .regex(
            /^cloud:\/\/[A-Za-z0-9._-]+\/incoming\/[a-f0-9]{16}\/[a-z0-9_]{1,60}$/,
            '文件标识格式不正确',
          ),
        name: z.string().trim().min(1, '请提供文件名').max(80, '文件名过长'),
        contentType: z.enum(MATERIAL_TYPES, { error: MATERIAL_TYPES_TEXT }),
        personId: z
          .string()
          .regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确')
          .optional(),
      })
      .strict(),
    status: 201,
    handle: ({ deps, identity, body }) => importCloudFile(deps, identity!, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('files', fn.handler)
