import type { ApplicationView } from '@shared/applications/application-types'

/**
 * The review queue hands the application it opens to the review page, which shows it at once
 * (and then refreshes it from the server). Module state: lives as long as the app does.
 */
const views = new Map<string, ApplicationView>()

export const handOffForReview = (view: ApplicationView): void => {
  views.set(view.id, view)
}

export const handedOffForReview = (id: string): ApplicationView | undefined => views.get(id)

export const forgetReview = (id: string): void => {
  views.delete(id)
}
